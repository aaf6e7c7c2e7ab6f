package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IsruTest {

  private final Isru fn = new Isru();

  @Test
  void matchesMpmath() {
    // x/sqrt(1+alpha x^2) and (1+alpha x^2)^(-3/2), mpmath 1.2.1
    double[][] cases = { // alpha, x, f, f'
        {1, 0.5, 0.4472135954999579, 0.7155417527999327},
        {1, -3.0, -0.9486832980505138, 0.03162277660168379},
        {1, 1e100, 1.0, 1e-300},
        {0.25, 2.0, 1.4142135623730951, 0.3535533905932738},
        {4.0, 1e-3, 0.000999998000006, 0.9999940000299998},
    };
    for (double[] c : cases) {
      double[] p = {c[0]};
      assertUlps(c[2], fn.f(c[1], p), 2, "isru(" + c[1] + "; alpha=" + c[0] + ")");
      assertUlps(c[3], fn.dfdx(c[1], 0, p), 2, "isru'(" + c[1] + "; alpha=" + c[0] + ")");
    }
  }

  @Test
  void hugeInputsGiveTheBound() {
    double[] quarter = {0.25};
    assertEquals(2.0, fn.f(1e300, quarter)); // alpha x^2 overflows: the limit 1/sqrt(alpha)
    assertEquals(-2.0, fn.f(Double.NEGATIVE_INFINITY, quarter));
    assertEquals(0.0, fn.dfdx(1e300, 0, quarter));
    assertEquals(0.0, fn.dfdx(Double.POSITIVE_INFINITY, 0, quarter));
    double[] one = {1};
    assertEquals(1.0, fn.f(1e150, one));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(fn.f(-0.0, one)), "sign of -0.0");
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
