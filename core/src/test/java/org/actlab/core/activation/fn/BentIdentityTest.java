package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BentIdentityTest {

  private final BentIdentity fn = new BentIdentity();
  private final double[] p = fn.spec().defaults();

  @Test
  void matchesMpmathOnEveryBranch() {
    // (sqrt(x^2+1) - 1)/2 + x and x/(2 sqrt(x^2+1)) + 1, mpmath 1.2.1
    double[][] cases = {
        {-1e-8, -9.999999975e-09, 0.999999995}, {-3.0, -1.9188611699158102, 0.5256583509747431},
        {-1.0, -0.7928932188134524, 0.6464466094067263}, {0.5, 0.5590169943749475, 1.223606797749979},
        {1e10, 14999999999.5, 1.5}, {-1e300, -5e299, 0.5},
    };
    for (double[] c : cases) {
      assertUlps(c[1], fn.f(c[0], p), 2, "bent_identity(" + c[0] + ")");
      assertUlps(c[2], fn.dfdx(c[0], 0, p), 2, "bent_identity'(" + c[0] + ")");
    }
  }

  @Test
  void noOverflowOrNanAtTheEnds() {
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.MAX_VALUE, p)); // 1.5·MAX overflows, correctly
    assertEquals(-Double.MAX_VALUE / 2, fn.f(-Double.MAX_VALUE, p));
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.POSITIVE_INFINITY, p));
    assertEquals(Double.NEGATIVE_INFINITY, fn.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(1.5, fn.dfdx(Double.POSITIVE_INFINITY, 0, p));
    assertEquals(0.5, fn.dfdx(Double.NEGATIVE_INFINITY, 0, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
