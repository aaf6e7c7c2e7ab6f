package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.actlab.core.activation.Kink;
import org.junit.jupiter.api.Test;

class QuadraticSoftplusTest {

  private final QuadraticSoftplus fn = new QuadraticSoftplus();
  private final double[] p = fn.spec().defaults();

  @Test
  void jumpsAtZero() {
    assertUlps(0.6931471805599453, fn.f(0, p), 1, "f(0) = ln 2"); // mpmath 1.2.1
    assertEquals(0.0, fn.f(Double.MIN_VALUE, p));
    assertUlps(0.6931471805599453, fn.f(-0.0, p), 1, "f(-0) = ln 2");
    assertEquals(0.5, fn.dfdx(0, fn.f(0, p), p));
    double[] beta3 = {0.5, 3};
    assertEquals(1.5, fn.dfdx(0, 0, beta3));
    List<Kink> kinks = fn.spec().kinksAt(beta3);
    assertEquals(1, kinks.size());
    assertTrue(kinks.get(0).jump());
    assertEquals(fn.dfdx(0, 0, beta3), kinks.get(0).derivative());
  }

  @Test
  void handCheckedValues() {
    assertEquals(2.0, fn.f(2, p));
    assertEquals(2.0, fn.dfdx(2, 0, p));
    assertUlps(0.3132616875182228, fn.f(-1, p), 2, "f(-1)"); // mpmath 1.2.1
    assertUlps(0.2689414213699951, fn.dfdx(-1, 0, p), 2, "f'(-1)");
    // log(1 + exp(x)) would give 0 here; ln(1 + e^-700) = 9.85967654375977e-305 (mpmath 1.2.1)
    assertUlps(9.85967654375977e-305, fn.f(-700, p), 2, "f(-700)");
  }

  @Test
  void noSpuriousOverflowOrNan() {
    assertUlps(1e100, fn.f(1e200, new double[] {1e-300, 1}), 2, "alpha x^2 with x^2 out of range");
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.POSITIVE_INFINITY, p));
    assertEquals(0.0, fn.f(Double.POSITIVE_INFINITY, new double[] {0, 1}));
    assertEquals(0.0, fn.dfdx(Double.POSITIVE_INFINITY, 0, new double[] {0, 1}));
    assertEquals(0.0, fn.f(Double.NEGATIVE_INFINITY, p));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
