package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TanhshrinkTest {

  private final Tanhshrink fn = new Tanhshrink();
  private final double[] p = fn.spec().defaults();

  @Test
  void smallInputsDoNotCancel() {
    // Regression for PyTorch's x - tanh(x), which returns 0 at 1e-4 (NUMERICS.md §2). Expected values: mpmath 1.2.1.
    double y = fn.f(1e-4, p);
    assertNotEquals(0.0, y);
    assertUlps(3.3333333200000004e-13, y, 2, "tanhshrink(1e-4)");
    assertUlps(-3.3333333200000004e-13, fn.f(-1e-4, p), 2, "tanhshrink(-1e-4)");
    double x = 1e-4;
    assertUlps(x * x * x / 3 - 2 * Math.pow(x, 5) / 15, y, 2, "x^3/3 - 2x^5/15 at 1e-4");
    assertUlps(3.3333333333333335e-25, fn.f(1e-8, p), 2, "tanhshrink(1e-8)");
    assertUlps(3.3333333333333334e-301, fn.f(1e-100, p), 2, "tanhshrink(1e-100)");
    assertUlps(5.20832031253294e-09, fn.f(2.5e-3, p), 2, "tanhshrink(2.5e-3)");
  }

  @Test
  void matchesMpmathOnBothSidesOfTheBranchAtOne() {
    // mpmath 1.2.1, 1000 digits: x - tanh(x)
    double[][] cases = {
        {0.5, 0.03788284273999024}, {0.9999999999999999, 0.23840584404423504}, {1.0, 0.23840584404423512},
        {1.0000000000000002, 0.23840584404423523}, {2.0, 1.035972419924183}, {-3.0, -2.0049452463132695},
        {20.0, 19.0},
    };
    for (double[] c : cases) {
      assertUlps(c[1], fn.f(c[0], p), 2, "tanhshrink(" + c[0] + ")");
    }
  }

  @Test
  void derivativeIsTanhSquared() {
    // mpmath 1.2.1: tanh(x)^2
    assertUlps(9.999999933333334e-09, fn.dfdx(1e-4, 0, p), 3, "tanhshrink'(1e-4)");
    assertUlps(0.9293491751468356, fn.dfdx(2.0, 0, p), 3, "tanhshrink'(2)");
    assertEquals(1.0, fn.dfdx(Double.NEGATIVE_INFINITY, 0, p));
  }

  @Test
  void monotonicAcrossTheBranchAtOne() {
    long seed = 20261122L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      double x = r.nextDouble(0.999, 1.001);
      double next = Math.nextUp(x);
      assertTrue(fn.f(x, p) <= fn.f(next, p), "not monotonic at " + x + " (seed " + seed + ")");
    }
    assertTrue(fn.f(Math.nextDown(1.0), p) < fn.f(1.0, p) && fn.f(1.0, p) < fn.f(Math.nextUp(1.0), p));
  }

  @Test
  void infinitiesGiveTheLimits() {
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.POSITIVE_INFINITY, p));
    assertEquals(Double.NEGATIVE_INFINITY, fn.f(Double.NEGATIVE_INFINITY, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
