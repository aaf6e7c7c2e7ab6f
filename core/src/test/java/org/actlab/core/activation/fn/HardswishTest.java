package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

class HardswishTest {

  private final Hardswish fn = new Hardswish();
  private final double[] p = fn.spec().defaults();

  @Test
  void kinksTakeTheOuterLimits() {
    assertEquals(0.0, fn.dfdx(-3, 0, p));
    assertEquals(1.0, fn.dfdx(3, 0, p));
    assertEquals(-0.5, fn.dfdx(Math.nextUp(-3.0), 0, p), 1e-15); // the inner limit old PyTorch returned
    assertEquals(1.5, fn.dfdx(Math.nextDown(3.0), 0, p), 1e-15);
    assertEquals(0.0, fn.f(-3, p));
    assertEquals(3.0, fn.f(3, p));
  }

  @Test
  void handCheckedValues() {
    assertEquals(-0.375, fn.f(-1.5, p)); // the minimum
    assertEquals(0.0, fn.dfdx(-1.5, 0, p));
    assertEquals(2.0 / 3, fn.f(1, p), 1e-16);
    assertEquals(0.0, fn.f(0, p));
    assertEquals(0.5, fn.dfdx(0, 0, p));
    assertEquals(0.0, fn.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.POSITIVE_INFINITY, p));
  }

  @Test
  void nearMinusThreeKeepsRelativeAccuracy() {
    for (double x : new double[] {Math.nextUp(-3.0), -3 + 1e-12, -2.999}) {
      BigDecimal bx = new BigDecimal(x);
      double exact = bx.multiply(bx.add(BigDecimal.valueOf(3))).divide(BigDecimal.valueOf(6), MathContext.DECIMAL128)
          .doubleValue();
      assertUlps(exact, fn.f(x, p), 2, "hardswish(" + x + ")");
    }
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
