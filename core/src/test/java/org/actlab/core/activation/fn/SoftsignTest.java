package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftsignTest {

  private final Softsign fn = new Softsign();
  private final double[] p = fn.spec().defaults();

  @Test
  void derivativeForHugeInputsIsFiniteAndCorrect() {
    // mpmath 1.2.1: 1/(1+|x|)^2. (1+|x|)^2 would overflow at 1e160 and give 0 instead of the subnormal 1e-320.
    assertUlps(1e-200, fn.dfdx(1e100, 0, p), 2, "softsign'(1e100)");
    assertEquals(1e-320, fn.dfdx(1e160, 0, p));
    assertEquals(1e-320, fn.dfdx(-1e160, 0, p));
    for (double x : new double[] {1e200, -1e200, Double.MAX_VALUE, Double.NEGATIVE_INFINITY}) {
      double d = fn.dfdx(x, 0, p);
      assertEquals(0.0, d, "softsign'(" + x + ") underflows to 0 (exact value below 1e-400)");
    }
  }

  @Test
  void handCheckedValues() {
    assertEquals(0.6, fn.f(1.5, p));
    assertEquals(0.16, fn.dfdx(1.5, 0, p));
    assertEquals(-0.5, fn.f(-1, p));
    assertEquals(0.25, fn.dfdx(-1, 0, p));
    assertEquals(1.0, fn.dfdx(0, 0, p));
  }

  @Test
  void specialValues() {
    assertEquals(1.0, fn.f(Double.POSITIVE_INFINITY, p));
    assertEquals(-1.0, fn.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(1.0, fn.f(Double.MAX_VALUE, p));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(fn.f(-0.0, p)), "sign of -0.0");
    assertEquals(Double.MIN_VALUE, fn.f(Double.MIN_VALUE, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
