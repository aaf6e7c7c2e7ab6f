package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TanhTest {

  private final Tanh fn = new Tanh();
  private final double[] p = fn.spec().defaults();

  @Test
  void derivativeKeepsItsTail() {
    // 1 - tanh(x)^2 is exactly 0 in double for x = 20; sech^2 is not (mpmath 1.2.1 values).
    assertUlps(1.6993417021166355e-17, fn.dfdx(20, fn.f(20, p), p), 4, "tanh'(20)");
    assertUlps(1.0601586212017243e-260, fn.dfdx(-300, fn.f(-300, p), p), 4, "tanh'(-300)");
    assertEquals(0.0, fn.dfdx(Double.POSITIVE_INFINITY, 1, p));
    assertEquals(1.0, fn.dfdx(0, 0, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
