package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RectifiedTanhTest {

  private final RectifiedTanh fn = new RectifiedTanh();
  private final double[] p = fn.spec().defaults();

  @Test
  void kinkAndPieces() {
    assertEquals(0.0, fn.dfdx(0, 0, p));
    assertEquals(0.0, fn.dfdx(-0.0, 0, p));
    assertEquals(1.0, fn.dfdx(Double.MIN_VALUE, 0, p));
    assertEquals(0.0, fn.f(-2, p));
    assertEquals(0.0, fn.dfdx(-2, 0, p));
    assertUlps(1.6993417021166355e-17, fn.dfdx(20, 0, p), 4, "rectified_tanh'(20)"); // sech^2(20), mpmath 1.2.1
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
