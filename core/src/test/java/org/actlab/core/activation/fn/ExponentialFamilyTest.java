package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.math.Stable;
import org.junit.jupiter.api.Test;

/**
 * Values specific to celu, selu, softplus and squareplus. Expected values marked "mpmath" were computed with
 * mpmath 1.3.0 at 60 digits from the definitions in the briefing, then rounded to double (2026-11-22).
 */
class ExponentialFamilyTest {

  private static final Activation CELU = new Celu();
  private static final Activation SELU = new Selu();
  private static final Activation SOFTPLUS = new Softplus();
  private static final Activation SQUAREPLUS = new Squareplus();

  private static void assertUlp(double expected, double actual, int ulps, String what) {
    double err = Math.abs(expected - actual) / Math.ulp(expected);
    assertTrue(err <= ulps, what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }

  private static double d(Activation a, double x, double... p) {
    return a.dfdx(x, a.f(x, p), p);
  }

  @Test
  void celuAgainstMpmath() {
    // alpha < 0 makes x/alpha positive and large: exp amplifies the division's rounding (~100 ulp without the fix)
    assertUlp(-3.0253976322427338e+87, CELU.f(-601, new double[] {-3}), 2, "celu(-601; -3)");
    assertUlp(1.0084658774142445e+87, d(CELU, -601, -3), 2, "celu'(-601; -3)");
    assertUlp(-9.360619026302754e+185, CELU.f(-300, new double[] {-0.7}), 2, "celu(-300; -0.7)");
    assertUlp(1.337231289471822e+186, d(CELU, -300, -0.7), 2, "celu'(-300; -0.7)");
    assertUlp(-0.0009998333518503088, CELU.f(-1e-3, new double[] {3}), 2, "celu(-1e-3; 3)");
    assertUlp(0.9996667222160499, d(CELU, -1e-3, 3), 2, "celu'(-1e-3; 3)");
    assertUlp(-0.29999999997794113, CELU.f(-7, new double[] {0.3}), 2, "celu(-7; 0.3)");
    assertUlp(7.352958061453823e-11, d(CELU, -7, 0.3), 2, "celu'(-7; 0.3)");
  }

  @Test
  void celuKinkLimitsAndZeroAlpha() {
    for (double alpha : new double[] {1, 0.3, 2.5, -4}) {
      assertEquals(1.0, d(CELU, 0.0, alpha), "celu'(0) = 1 for alpha " + alpha);
    }
    assertEquals(-2.5, CELU.f(Double.NEGATIVE_INFINITY, new double[] {2.5}));
    assertEquals(0.0, d(CELU, Double.NEGATIVE_INFINITY, 2.5));
    assertEquals(-0.0, CELU.f(-0.0, new double[] {3}), "sign of zero kept");
    assertEquals(Double.NEGATIVE_INFINITY, CELU.f(-1e4, new double[] {-3}));
    var ex = assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(Catalog.get("celu"), Map.of("alpha", 0.0)));
    assertTrue(ex.getMessage().contains("alpha"), ex.getMessage());
  }

  @Test
  void seluConstants() {
    MathContext mc = new MathContext(40);
    BigDecimal scale = new BigDecimal("1.0507009873554804934193349852946");
    BigDecimal alpha = new BigDecimal("1.6732632423543772848170429916717");
    BigDecimal sa = scale.multiply(alpha, mc);
    assertTrue(new BigDecimal(Selu.SA_HI).add(new BigDecimal(Selu.SA_LO)).subtract(sa).abs()
        .compareTo(new BigDecimal("1e-31")) < 0, "scale*alpha pair");
    assertTrue(new BigDecimal(Selu.SCALE_HI).add(new BigDecimal(Selu.SCALE_LO)).subtract(scale).abs()
        .compareTo(new BigDecimal("1e-31")) < 0, "scale pair");
    assertEquals(sa.doubleValue(), Selu.SA_HI, "SA_HI is scale*alpha rounded once");
    assertEquals(scale.doubleValue(), SELU.f(1, new double[0]));
    assertEquals(scale.doubleValue(), d(SELU, 1));
    assertEquals(sa.doubleValue(), d(SELU, 0.0), "selu'(0) = scale*alpha");
    assertEquals(-sa.doubleValue(), SELU.f(Double.NEGATIVE_INFINITY, new double[0]));
    assertEquals(-0.0, SELU.f(-0.0, new double[0]));
  }

  @Test
  void seluAgainstMpmath() {
    double[] p = {};
    assertUlp(-1.7580905503799744e-05, SELU.f(-1e-5, p), 2, "selu(-1e-5)");
    assertUlp(1.758081759941873, d(SELU, -1e-5), 2, "selu'(-1e-5)");
    assertUlp(-0.6917581878028713, SELU.f(-0.5, p), 2, "selu(-0.5)");
    assertUlp(1.0663411530445055, d(SELU, -0.5), 2, "selu'(-0.5)");
    assertUlp(-1.758099337223664, SELU.f(-20, p), 2, "selu(-20)");
    assertUlp(3.6237128249944117e-09, d(SELU, -20), 2, "selu'(-20)");
    assertUlp(3.1521029620664414, SELU.f(3, p), 1, "selu(3)");
  }

  /** The defining property: N(0,1) in gives mean 0 and variance 1 out (Klambauer et al., eq. 4-5). */
  @Test
  void seluFixedPoint() {
    double mean = 0;
    double second = 0;
    int steps = 400_000; // composite Simpson on [-10, 0] and [0, 10]; selu is smooth on each half
    for (int side = -1; side <= 1; side += 2) {
      double h = 10.0 / steps;
      for (int i = 0; i <= steps; i++) {
        double z = side * i * h;
        double w = (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * h / 3;
        double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        double y = side < 0 && i == 0 ? 0 : SELU.f(z, new double[0]);
        mean += w * phi * y;
        second += w * phi * y * y;
      }
    }
    assertEquals(0.0, mean, 1e-9, "E selu(Z)");
    assertEquals(1.0, second - mean * mean, 1e-9, "Var selu(Z)");
  }

  @Test
  void softplusAgainstMpmathAndTheSwitch() {
    // beta*x = -600.3 is rounded; exp amplifies that by 600 (165 ulp without the correction)
    assertUlp(6.544873528325485e-262, SOFTPLUS.f(-200.1, new double[] {3, 20}), 3, "softplus(-200.1; beta 3)");
    assertUlp(1.9634620584976454e-261, d(SOFTPLUS, -200.1, 3, 20), 3, "softplus'(-200.1; beta 3)");
    assertUlp(6.587595555486971, SOFTPLUS.f(-0.7, new double[] {0.1, 20}), 3, "softplus(-0.7; beta 0.1)");
    assertUlp(0.4825071423336103, d(SOFTPLUS, -0.7, 0.1, 20), 3, "softplus'(-0.7; beta 0.1)");
    double[] p = {1, 20};
    assertEquals(20 + Math.log1p(Math.exp(-20)), SOFTPLUS.f(20, p), "x = threshold still takes log1p");
    assertEquals(Stable.sigmoid(20), d(SOFTPLUS, 20, 1, 20), "declared kink value");
    assertEquals(Stable.sigmoid(20), SOFTPLUS.spec().kinksAt(p).get(0).derivative());
    assertEquals(Math.nextUp(20.0), SOFTPLUS.f(Math.nextUp(20.0), p), "past the switch: x");
    assertEquals(1.0, d(SOFTPLUS, Math.nextUp(20.0), 1, 20));
    assertEquals(Double.POSITIVE_INFINITY, SOFTPLUS.f(Double.POSITIVE_INFINITY, p));
    assertEquals(0.0, SOFTPLUS.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(0.0, d(SOFTPLUS, Double.NEGATIVE_INFINITY, 1, 20));
    assertEquals(0.0, SOFTPLUS.f(-1e308, new double[] {10, 20}), "beta*x overflows to -inf: limit 0");
    assertEquals(Math.log(2) / 2, SOFTPLUS.f(0, new double[] {2, 20}), 1e-16);
  }

  @Test
  void squareplusAgainstMpmath() {
    double[] p = {4};
    assertUlp(1e-10, SQUAREPLUS.f(-1e10, p), 2, "squareplus(-1e10)");
    assertUlp(1e-20, d(SQUAREPLUS, -1e10, 4), 3, "squareplus'(-1e10)");
    assertUlp(1e-154, SQUAREPLUS.f(-1e154, p), 2, "squareplus(-1e154): x^2 must not overflow");
    assertUlp(1e-308, d(SQUAREPLUS, -1e154, 4), 3, "squareplus'(-1e154)");
    assertUlp(1e-300, SQUAREPLUS.f(-1e300, p), 2, "squareplus(-1e300)");
    assertUlp(0.3027756377319947, SQUAREPLUS.f(-3, p), 2, "squareplus(-3)");
    assertUlp(0.08397485283107815, d(SQUAREPLUS, -3, 4), 2, "squareplus'(-3)");
    assertUlp(2.850781059358212, SQUAREPLUS.f(2.5, p), 2, "squareplus(2.5)");
    assertUlp(0.8904344047215151, d(SQUAREPLUS, 2.5, 4), 2, "squareplus'(2.5)");
    assertEquals(1e200, SQUAREPLUS.f(1e200, p));
    assertEquals(1.0, SQUAREPLUS.f(0, p));
    assertEquals(0.5, d(SQUAREPLUS, 0, 4));
    assertEquals(1.0, d(SQUAREPLUS, Double.POSITIVE_INFINITY, 4));
    assertEquals(0.0, SQUAREPLUS.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(Double.POSITIVE_INFINITY, SQUAREPLUS.f(Double.POSITIVE_INFINITY, p));
    assertEquals(0.0, SQUAREPLUS.f(-2, new double[] {0}), "b = 0 is relu");
    assertEquals(3.0, SQUAREPLUS.f(3, new double[] {0}));
    assertEquals(0.5, d(SQUAREPLUS, 0, 0), "b = 0: declared f'(0) = 1/2, not NaN");
    assertEquals(1, SQUAREPLUS.spec().kinksAt(new double[] {0}).size());
    assertTrue(SQUAREPLUS.spec().kinksAt(p).isEmpty());
  }
}
