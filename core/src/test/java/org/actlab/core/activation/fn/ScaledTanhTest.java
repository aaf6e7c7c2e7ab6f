package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaledTanhTest {

  private final ScaledTanh fn = new ScaledTanh();
  private final double[] p = fn.spec().defaults();

  @Test
  void lecunsDesignPoint() {
    // f(+-1) = +-1 to within 3e-6 is the point of the constants (mpmath 1.2.1: 0.999997255922479).
    assertUlps(0.999997255922479, fn.f(1, p), 2, "scaled_tanh(1)");
    assertEquals(-fn.f(1, p), fn.f(-1, p));
    assertUlps(0.7554124359024466, fn.dfdx(1, 0, p), 3, "scaled_tanh'(1)");
    assertUlps(0.7472780772675721, fn.f(0.7, p), 2, "scaled_tanh(0.7)");
    assertUlps(0.9269725451115179, fn.dfdx(0.7, 0, p), 3, "scaled_tanh'(0.7)");
  }

  @Test
  void derivativeCorrectsTheRoundingOfTwoThirdsX() {
    // 2·301/3 is not a double; sech² amplifies that rounding ~400-fold without the fma correction.
    // Values: mpmath 1.2.1 with exact 2x/3.
    assertUlps(2.3099822140342325e-174, fn.dfdx(301, 0, p), 4, "scaled_tanh'(301)");
    assertUlps(3.8090089517167e-58, fn.dfdx(-100.3, 0, p), 4, "scaled_tanh'(-100.3)");
    assertEquals(0.0, fn.dfdx(Double.MAX_VALUE, 0, p));
    assertEquals(1.7159, fn.f(Double.POSITIVE_INFINITY, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
