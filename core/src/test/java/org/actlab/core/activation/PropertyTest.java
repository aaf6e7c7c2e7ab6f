package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every declared property is verified numerically at the defaults, in both directions: a declared property must
 * hold, an undeclared one must visibly fail. Definitions are those of {@link Property}, {@link Saturation},
 * {@link Smoothness} and {@link Range}.
 */
class PropertyTest {

  @Test
  void declaredPropertiesHoldAndUndeclaredOnesFail() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      Check c = new Check(a);
      c.range();
      c.monotonic();
      c.zeroAtZero();
      c.odd();
      c.gaussianMoments();
      c.gradientTrainable();
      c.saturation();
      c.smoothness();
      failures.addAll(c.failures);
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
  }

  /** The checks for one function at its defaults, over one dense sorted sample of the line. */
  private static final class Check {
    final Activation a;
    final Spec s;
    final double[] p;
    final double[] xs;
    final double[] ys;
    final List<String> failures = new ArrayList<>();

    Check(Activation a) {
      this.a = a;
      this.s = a.spec();
      this.p = s.defaults();
      this.xs = Probe.line(s);
      this.ys = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        ys[i] = a.f(xs[i], p);
      }
    }

    void fail(String what) {
      failures.add(s.id() + ": " + what);
    }

    boolean has(Property pr) {
      return s.has(pr);
    }

    void range() {
      Range r = s.range();
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < xs.length; i++) {
        double y = ys[i];
        boolean inHull = y >= r.lo() && y <= r.hi();
        boolean moderate = Math.abs(xs[i]) <= 10;
        if (!inHull || (moderate && !r.contains(y))) {
          fail("f(" + xs[i] + ") = " + y + " outside declared range " + r);
          return;
        }
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
      if (!approaches(min, r.lo(), -1e3) || !approaches(max, r.hi(), 1e3)) {
        fail("declared range " + r + " is not approached: samples span [" + min + ", " + max + "]");
      }
    }

    static boolean approaches(double seen, double end, double far) {
      if (Double.isInfinite(end)) {
        return end > 0 ? seen >= far : seen <= far;
      }
      return Math.abs(seen - end) <= 1e-6 * Math.max(1, Math.abs(end));
    }

    void monotonic() {
      double worst = 0;
      double at = 0;
      for (int i = 1; i < xs.length; i++) {
        double drop = ys[i - 1] - ys[i];
        double rel = drop / Math.max(1, Math.abs(ys[i]));
        if (rel > worst) {
          worst = rel;
          at = xs[i];
        }
      }
      if (has(Property.MONOTONIC) && worst > 1e-15) {
        fail("declared monotonic but decreases by " + worst + " (relative) at x=" + at);
      }
      if (!has(Property.MONOTONIC) && worst <= 1e-9) {
        fail("never decreases: declare MONOTONIC");
      }
    }

    void zeroAtZero() {
      double f0 = a.f(0, p);
      if (has(Property.ZERO_AT_ZERO) != (f0 == 0)) {
        fail("f(0) = " + f0 + " but ZERO_AT_ZERO declared " + has(Property.ZERO_AT_ZERO));
      }
    }

    void odd() {
      double worst = 0;
      for (int i = 0; i < xs.length; i++) {
        worst = Math.max(worst, Math.abs(a.f(-xs[i], p) + ys[i]) / Math.max(1, Math.abs(ys[i])));
      }
      if (has(Property.ODD) && worst > 1e-12) {
        fail("declared odd but |f(-x)+f(x)| reaches " + worst);
      }
      if (!has(Property.ODD) && worst <= 1e-6) {
        fail("is odd: declare ODD");
      }
    }

    void gaussianMoments() {
      double mean = Probe.gaussianMean(z -> a.f(z, p));
      double second = Probe.gaussianMean(z -> a.f(z, p) * a.f(z, p));
      double var = second - mean * mean;
      boolean centred = Math.abs(mean) < 0.05;
      if (has(Property.ZERO_CENTRED) != centred) {
        fail("E f(Z) = " + mean + " but ZERO_CENTRED declared " + has(Property.ZERO_CENTRED));
      }
      boolean normalising = centred && Math.abs(var - 1) < 0.05;
      if (has(Property.SELF_NORMALISING) != normalising) {
        fail("E f(Z) = " + mean + ", Var f(Z) = " + var + " but SELF_NORMALISING declared "
            + has(Property.SELF_NORMALISING));
      }
    }

    void gradientTrainable() {
      boolean allZero = true;
      for (int i = 0; i < xs.length && allZero; i += 7) {
        allZero = a.dfdx(xs[i], ys[i], p) == 0;
      }
      if (has(Property.NOT_GRADIENT_TRAINABLE) != allZero) {
        fail("gradient zero everywhere = " + allZero + " but NOT_GRADIENT_TRAINABLE declared "
            + has(Property.NOT_GRADIENT_TRAINABLE));
      }
    }

    void saturation() {
      boolean neg = vanishes(-1);
      boolean pos = vanishes(1);
      Saturation measured = neg && pos ? Saturation.BOTH : neg ? Saturation.NEGATIVE
          : pos ? Saturation.POSITIVE : Saturation.NONE;
      if (measured != s.saturation()) {
        fail("derivative vanishes on side " + measured + " but saturation declared " + s.saturation());
      }
    }

    /** max |f'| over x in ±[1e3, 1e6] (log-spaced) is below 1e-3. */
    boolean vanishes(double sign) {
      double max = 0;
      for (double e = 3; e <= 6; e += 0.01) {
        double x = sign * Math.pow(10, e);
        max = Math.max(max, Math.abs(a.dfdx(x, a.f(x, p), p)));
      }
      return max < 1e-3;
    }

    void smoothness() {
      boolean discontinuous = false;
      boolean corner = false;
      for (Kink k : s.kinksAt(p)) {
        double d = 1e-9 * Math.max(1, Math.abs(k.x()));
        double fl = a.f(k.x() - d, p);
        double fr = a.f(k.x() + d, p);
        double jump = Math.abs(fr - fl);
        boolean bigJump = jump > 1e-6 * Math.max(1, Math.abs(a.f(k.x(), p)));
        double gl = a.dfdx(k.x() - d, fl, p);
        double gr = a.dfdx(k.x() + d, fr, p);
        boolean bend = Math.abs(gr - gl) > 1e-6 * Math.max(1, Math.max(Math.abs(gl), Math.abs(gr)));
        if (k.jump() && !(jump > 0)) {
          fail("kink at " + k.x() + " declared as a jump but f is continuous there");
        }
        // a kink may be smooth at the defaults (elu with alpha = 1): it is declared for its derivative convention
        if (bigJump && !k.jump()) {
          fail("f jumps by " + jump + " at " + k.x() + " but the kink is not declared as a jump");
        }
        discontinuous |= bigJump;
        corner |= bend;
      }
      Smoothness measured = discontinuous ? Smoothness.DISCONTINUOUS : corner ? Smoothness.C0 : null;
      boolean ok = measured == null ? s.smoothness().atLeast(Smoothness.C1) : measured == s.smoothness();
      if (!ok) {
        fail("kinks show " + (measured == null ? "no jump and no corner" : measured) + " but smoothness declared "
            + s.smoothness());
      }
    }
  }
}
