package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogsigmoidTest {

  private final Logsigmoid fn = new Logsigmoid();
  private final double[] p = fn.spec().defaults();

  @Test
  void tailsNeitherOverflowNorVanish() {
    // log(sigmoid(x)) gives -inf at -800 and 0 at 40; the exact values (mpmath 1.2.1) are -800 and -e^-40.
    assertEquals(-800.0, fn.f(-800, p));
    assertUlps(-4.248354255291589e-18, fn.f(40, p), 2, "logsigmoid(40)");
    assertUlps(4.248354255291589e-18, fn.dfdx(40, fn.f(40, p), p), 2, "logsigmoid'(40)");
    assertUlps(-1.3132616875182228, fn.f(-1, p), 2, "logsigmoid(-1)");
    assertUlps(0.7310585786300049, fn.dfdx(-1, 0, p), 2, "logsigmoid'(-1)");
    assertEquals(0.5, fn.dfdx(0, 0, p));
    assertEquals(1.0, fn.dfdx(Double.NEGATIVE_INFINITY, 0, p));
    assertEquals(Double.NEGATIVE_INFINITY, fn.f(Double.NEGATIVE_INFINITY, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
