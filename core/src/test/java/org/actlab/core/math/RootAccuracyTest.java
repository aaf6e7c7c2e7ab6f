package org.actlab.core.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

/**
 * Next to the roots of f' (and of snake's ∂f/∂α), at double neighbours that the golden file cannot hold for every
 * parameter: the references against 80-digit BigDecimal Taylor sums computed here, independent of the code under
 * test. Regression for the 3·10^6–3·10^7 ULP of silu'/swish' (and 3·10^14 ULP of snake's ∂f/∂α) before the
 * root series and the double-double reductions.
 */
class RootAccuracyTest {

  private static final MathContext MC = new MathContext(80);
  private static final BigDecimal PI = new BigDecimal(
      "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798");

  private static BigDecimal exp(BigDecimal v) {
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 400 && term.abs().compareTo(new BigDecimal("1e-90")) > 0; k++) {
      term = term.multiply(v, MC).divide(BigDecimal.valueOf(k), MC);
      sum = sum.add(term, MC);
    }
    return sum;
  }

  /** sin (odd = true) or cos of v, reduced by 2π then summed. */
  private static BigDecimal trig(BigDecimal v, boolean odd) {
    BigDecimal twoPi = PI.add(PI);
    BigDecimal n = v.divide(twoPi, MC).setScale(0, java.math.RoundingMode.HALF_EVEN);
    BigDecimal w = v.subtract(n.multiply(twoPi, MC), MC);
    BigDecimal term = odd ? w : BigDecimal.ONE;
    BigDecimal sum = term;
    BigDecimal w2 = w.multiply(w, MC).negate();
    for (int k = odd ? 2 : 1; k < 200; k += 2) {
      term = term.multiply(w2, MC).divide(BigDecimal.valueOf((long) k * (k + 1)), MC);
      sum = sum.add(term, MC);
    }
    return sum;
  }

  private static double ulps(double ours, BigDecimal exact) {
    double ex = exact.doubleValue();
    return ours == ex ? 0 : new BigDecimal(ours).subtract(exact).abs().doubleValue() / Math.ulp(ex);
  }

  @Test
  void swishDerivativeNextToItsRootForSeveralBetas() {
    Activation swish = (Activation) Catalog.find("swish").orElseThrow();
    double worst = 0;
    for (double beta : new double[] {1.0, 0.37, 1.5, 3.0, 1.702}) {
      double r = -1.2784645427610738 / beta;
      for (int k = -6; k <= 6; k++) {
        double x = r + k * Math.ulp(r);
        BigDecimal v = new BigDecimal(beta).multiply(new BigDecimal(x), MC);
        BigDecimal e = exp(v);
        BigDecimal d = BigDecimal.ONE.add(e, MC);
        BigDecimal exact = e.multiply(BigDecimal.ONE.add(v).add(e), MC).divide(d.multiply(d, MC), MC);
        double[] p = {beta};
        worst = Math.max(worst, ulps(swish.dfdx(x, swish.f(x, p), p), exact));
      }
    }
    assertTrue(worst <= 4, "swish' next to its root: " + worst + " ULP");
  }

  @Test
  void snakeDerivativesNextToTheirZeros() {
    Activation snake = (Activation) Catalog.find("snake").orElseThrow();
    double worstD = 0;
    double worstP = 0;
    int checked = 0;
    for (double a : new double[] {1.0, 0.5, 3.7, -0.013}) {
      for (int k : new int[] {0, 1, 2, 3, 7, 30, 1000, 100000, 1000000}) {
        // f' = 0 at αx = −π/4 + kπ; ∂f/∂α = 0 next to tan u = 2u, u ≈ (k + 1/2)π − 1/(2(k + 1/2)π)
        double rf = (-Math.PI / 4 + k * Math.PI) / a;
        double m = k + 0.5;
        double u0 = k == 0 ? 1.1655611852072114 : newton(m * Math.PI - 1 / (2 * m * Math.PI));
        for (double r : new double[] {rf, u0 / a, -u0 / a}) {
          for (int j = -4; j <= 4; j++) {
            double x = r + j * Math.ulp(r);
            BigDecimal u = new BigDecimal(a).multiply(new BigDecimal(x), MC);
            BigDecimal s2 = trig(u.add(u), true);
            BigDecimal su = trig(u, true);
            BigDecimal ad = new BigDecimal(a);
            BigDecimal dExact = BigDecimal.ONE.add(s2);
            BigDecimal pExact = new BigDecimal(x).multiply(s2, MC).divide(ad, MC)
                .subtract(su.multiply(su, MC).divide(ad.multiply(ad, MC), MC), MC);
            double[] p = {a};
            double[] g = new double[1];
            snake.dfdp(x, snake.f(x, p), p, 1.0, g);
            worstD = Math.max(worstD, ulps(snake.dfdx(x, snake.f(x, p), p), dExact));
            worstP = Math.max(worstP, ulps(g[0], pExact));
            checked++;
          }
        }
      }
    }
    assertTrue(checked == 4 * 9 * 3 * 9, "checked " + checked);
    assertTrue(worstD <= 4, "snake f' next to its double roots: " + worstD + " ULP");
    assertTrue(worstP <= 4, "snake df/dalpha next to the zeros of tan u = 2u: " + worstP + " ULP");
  }

  /** A zero of 2u·cos u − sin u near u, to double precision (Newton in double; a start point is enough). */
  private static double newton(double u) {
    for (int i = 0; i < 20; i++) {
      u -= (2 * u * Math.cos(u) - Math.sin(u)) / (Math.cos(u) - 2 * u * Math.sin(u));
    }
    return u;
  }
}
