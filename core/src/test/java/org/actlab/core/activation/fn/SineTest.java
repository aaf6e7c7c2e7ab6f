package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SineTest {

  private final Sine fn = new Sine();
  private final double[] p = fn.spec().defaults();

  @Test
  void productRoundingIsCorrected() {
    // sin(30x) and 30 cos(30x) with the exact product 30x, mpmath 1.2.1 (500 digits). At 1e300 the rounding
    // error of 30x is about 1e284, so a first-order correction sin(t) + err cos(t) would be meaningless.
    double[][] cases = {
        {0.1, 0.14112000805986705, -29.699774898013363},
        {1000000000000000.2, 0.9944811531779961, -3.1474612589175246},
        {1e300, -0.44150130978406793, -26.917818152908627},
        {-7.123456789, -0.07533179352311051, 29.914755703433922},
    };
    for (double[] c : cases) {
      assertUlps(c[1], fn.f(c[0], p), 2, "sine(" + c[0] + ")");
      assertUlps(c[2], fn.dfdx(c[0], 0, p), 3, "sine'(" + c[0] + ")");
    }
  }

  @Test
  void handCheckedValues() {
    assertEquals(0.0, fn.f(0, p));
    assertEquals(30.0, fn.dfdx(0, 0, p));
    assertEquals(1.0, fn.dfdx(0, 0, new double[] {1}));
    assertTrue(Double.isNaN(fn.f(Double.POSITIVE_INFINITY, p)), "sin has no limit at infinity");
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
