package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of every elementwise derivative and every learnable-parameter gradient, at the
 * defaults and at a perturbed parameter set, away from declared kinks (kinks are checked exactly elsewhere).
 * Central differences in double; relative error with an absolute floor.
 */
class GradientCheckTest {

  private static final double TOL = 2e-6;

  @Test
  void derivativesMatchFiniteDifferences() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      for (double[] p : Probe.paramSets(a)) {
        checkInput(a, p, failures);
        checkParams(a, p, failures);
      }
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
    assertTrue(failures.isEmpty(), "seed " + Probe.SEED + ", " + failures.size() + " failures:\n"
        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  private static double[] points(Activation a) {
    SplittableRandom r = Probe.random(a.spec().id());
    Spec s = a.spec();
    double[] xs = new double[300];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = i < 200 ? r.nextDouble(s.plotLo(), s.plotHi()) : r.nextDouble(-20, 20);
    }
    return xs;
  }

  private static void checkInput(Activation a, double[] p, List<String> failures) {
    List<Kink> kinks = a.spec().kinksAt(p);
    for (double x : points(a)) {
      if (Probe.nearKink(x, kinks, 1e-3)) {
        continue;
      }
      // small enough for sine's w0 = 30 at |x| = 20 (truncation ~ (w0·h)²/6), large enough for rounding
      double h = 1e-6 * Math.max(1, Math.abs(x));
      double fd = (a.f(x + h, p) - a.f(x - h, p)) / (2 * h);
      double an = a.dfdx(x, a.f(x, p), p);
      if (!(Math.abs(fd - an) <= TOL * Math.max(1, Math.abs(an)))) {
        failures.add(a.spec().id() + Arrays.toString(p) + " df/dx at x=" + x + ": analytic " + an + ", fd " + fd);
      }
    }
  }

  private static void checkParams(Activation a, double[] p, List<String> failures) {
    List<Param> params = a.spec().params();
    List<Kink> kinks = a.spec().kinksAt(p);
    for (double x : points(a)) {
      if (Probe.nearKink(x, kinks, 1e-3)) {
        continue;
      }
      double[] g = new double[p.length];
      a.dfdp(x, a.f(x, p), p, 1.0, g);
      for (int k = 0; k < p.length; k++) {
        if (!params.get(k).learnable()) {
          if (g[k] != 0) {
            failures.add(a.spec().id() + ": dfdp wrote non-learnable " + params.get(k).name());
          }
          continue;
        }
        double h = 1e-6 * Math.max(1, Math.abs(p[k]));
        double[] up = p.clone();
        double[] dn = p.clone();
        up[k] += h;
        dn[k] -= h;
        double fd = (a.f(x, up) - a.f(x, dn)) / (2 * h);
        if (!(Math.abs(fd - g[k]) <= TOL * Math.max(1, Math.abs(g[k])))) {
          failures.add(a.spec().id() + Arrays.toString(p) + " df/d" + params.get(k).name() + " at x=" + x
              + ": analytic " + g[k] + ", fd " + fd);
        }
      }
    }
  }

  @Test
  void parameterGradientsScaleWithUpstreamAndAccumulate() {
    for (Activation a : Catalog.elementwise()) {
      if (!a.spec().learnable()) {
        continue;
      }
      double[] p = a.spec().defaults();
      double x = -0.7;
      double y = a.f(x, p);
      double[] once = new double[p.length];
      a.dfdp(x, y, p, 1.0, once);
      double[] acc = new double[p.length];
      a.dfdp(x, y, p, 2.5, acc);
      a.dfdp(x, y, p, 0.5, acc);
      for (int k = 0; k < p.length; k++) {
        assertEquals(3.0 * once[k], acc[k], 1e-12 * Math.max(1, Math.abs(acc[k])),
            a.spec().id() + ": dfdp must add dy·∂f/∂p, not overwrite");
      }
    }
  }
}
