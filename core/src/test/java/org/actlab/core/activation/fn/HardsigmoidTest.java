package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HardsigmoidTest {

  private final Hardsigmoid fn = new Hardsigmoid();
  private final double[] p = fn.spec().defaults();

  @Test
  void nearMinusThreeKeepsRelativeAccuracy() {
    // (x+3)/6 is exact up to the final rounding; x/6 + 1/2 would lose all digits of these tiny results.
    assertUlps(1.6668148343039016e-13, fn.f(-3 + 1e-12, p), 1, "hardsigmoid(-3 + 1e-12)"); // mpmath 1.2.1
    assertUlps(7.401486830834377e-17, fn.f(Math.nextUp(-3.0), p), 1, "hardsigmoid(nextUp(-3))");
    long seed = 7_031L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 1000; i++) {
      double x = -3 + Math.scalb(r.nextDouble(1, 2), -r.nextInt(1, 50));
      double exact = new BigDecimal(x).add(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(6), MathContext.DECIMAL128)
          .doubleValue();
      assertUlps(exact, fn.f(x, p), 1, "hardsigmoid(" + x + "), seed " + seed);
    }
  }

  @Test
  void kinksAndPieces() {
    assertEquals(0.0, fn.dfdx(-3, 0, p));
    assertEquals(0.0, fn.dfdx(3, 0, p));
    assertEquals(1.0 / 6, fn.dfdx(Math.nextUp(-3.0), 0, p));
    assertEquals(1.0 / 6, fn.dfdx(Math.nextDown(3.0), 0, p));
    assertEquals(0.0, fn.f(-3, p));
    assertEquals(1.0, fn.f(3, p));
    assertEquals(0.5, fn.f(0, p));
    assertEquals(0.0, fn.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(1.0, fn.f(Double.POSITIVE_INFINITY, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
