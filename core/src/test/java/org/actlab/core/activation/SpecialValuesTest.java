package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * NUMERICS.md §3 for every elementwise function: NaN in gives NaN out (forward, backward, parameter gradients);
 * ±∞ gives the mathematical limit (NaN only where the function oscillates and has none); ±0, subnormals and
 * ±1e4 are ordinary inputs.
 */
class SpecialValuesTest {

  private static final double[] ORDINARY = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310,
      Double.MIN_NORMAL, -Double.MIN_NORMAL, 1e4, -1e4, 1e-300, -1e-300};

  @Test
  void specialInputsFollowTheRules() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      for (double[] p : Probe.paramSets(a)) {
        nanPropagates(a, p, failures);
        limitsAtInfinity(a, p, failures);
        ordinaryInputs(a, p, failures);
      }
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
  }

  private static void nanPropagates(Activation a, double[] p, List<String> failures) {
    String id = a.spec().id();
    double y = a.f(Double.NaN, p);
    if (!Double.isNaN(y)) {
      failures.add(id + ": f(NaN) = " + y);
    }
    double d = a.dfdx(Double.NaN, y, p);
    if (!Double.isNaN(d)) {
      failures.add(id + ": f'(NaN) = " + d);
    }
    double[] g = new double[p.length];
    a.dfdp(Double.NaN, y, p, 1.0, g);
    for (int k = 0; k < p.length; k++) {
      if (a.spec().params().get(k).learnable() && !Double.isNaN(g[k])) {
        failures.add(id + ": ∂f/∂" + a.spec().params().get(k).name() + " at NaN = " + g[k]);
      }
    }
  }

  private static void limitsAtInfinity(Activation a, double[] p, List<String> failures) {
    for (double sign : new double[] {-1, 1}) {
      double inf = sign * Double.POSITIVE_INFINITY;
      check(a.spec().id() + ": f", x -> a.f(x, p), inf, failures);
      check(a.spec().id() + ": f'", x -> a.dfdx(x, a.f(x, p), p), inf, failures);
    }
  }

  /**
   * g(±∞) must equal the limit suggested by g at ±1e300 (an infinite one if |g| is huge there), unless g
   * oscillates far out, in which case NaN is the right answer (sin has no limit).
   */
  private static void check(String what, DoubleUnaryOperator g, double inf, List<String> failures) {
    double atInf = g.applyAsDouble(inf);
    double far = g.applyAsDouble(Math.copySign(1e300, inf));
    if (oscillates(g, Math.signum(inf))) {
      return;
    }
    boolean ok;
    if (Double.isNaN(far)) {
      ok = false;
    } else if (Math.abs(far) > 1e100) {
      ok = atInf == Math.copySign(Double.POSITIVE_INFINITY, far);
    } else {
      ok = Math.abs(atInf - far) <= 1e-9 * Math.max(1, Math.abs(far));
    }
    if (!ok) {
      failures.add(what + "(" + inf + ") = " + atInf + " but the limit is about " + far);
    }
  }

  /** Far out, g keeps turning up and down by visible amounts: it has no limit (sin), so NaN is right. */
  private static boolean oscillates(DoubleUnaryOperator g, double sign) {
    int turns = 0;
    double prev = g.applyAsDouble(sign * 1e6);
    double lastStep = 0;
    for (int k = 1; k < 2000; k++) { // 27 units: several periods of snake's 1 + sin(2x)
      double v = g.applyAsDouble(sign * (1e6 + 0.0137 * k));
      double step = v - prev;
      if (Math.abs(step) > 1e-3) {
        if (lastStep != 0 && Math.signum(step) != Math.signum(lastStep)) {
          turns++;
        }
        lastStep = step;
      }
      prev = v;
    }
    return turns >= 4;
  }

  private static void ordinaryInputs(Activation a, double[] p, List<String> failures) {
    String id = a.spec().id();
    for (double x : ORDINARY) {
      double y = a.f(x, p);
      double d = a.dfdx(x, y, p);
      if (Double.isNaN(y) || Double.isNaN(d)) {
        failures.add(id + ": NaN at ordinary input " + x + " (f=" + y + ", f'=" + d + ")");
      }
    }
    if (a.f(-0.0, p) != a.f(0.0, p)) {
      failures.add(id + ": f(-0.0) = " + a.f(-0.0, p) + " differs from f(0.0) = " + a.f(0.0, p));
    }
    // no flush to zero: where f(0) = 0 with a slope, a subnormal input gives a non-zero output
    double slope = a.dfdx(1e-300, a.f(1e-300, p), p);
    if (a.f(0, p) == 0 && Math.abs(slope) > 1e-3 && Math.abs(slope) < 1e3 && a.f(1e-310, p) == 0) {
      failures.add(id + ": f(1e-310) flushed to zero although f'(0+) = " + slope);
    }
  }
}
