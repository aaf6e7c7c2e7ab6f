package org.actlab.core.activation.fn;

import org.actlab.core.math.RootSeries;
import org.actlab.core.math.Stable;

/**
 * Shared stable pieces of the self-gated functions {@code x·σ(v)} (silu, swish, adaptive_swish, quick_gelu,
 * gelu_tanh). The gate argument is passed as an unevaluated sum {@code v = t + err}, where {@code err} is the
 * rounding error of {@code t} recovered by fma: {@code σ(v)} amplifies an absolute error of {@code v} by up to
 * |v| in relative terms (350 ULP at v = −700), so {@code err} is applied to first order
 * ({@code σ(t+e) ≈ σ(t)(1 + e·σ(−t))}). Below v = −40, {@code σ(v) = e^v} to double precision and the products
 * go through {@link #timesExp} so that a subnormal result is rounded once. Next to the root of the slope,
 * v = −1.2785, {@link #gateSlope} uses the series {@code RootSeries.GATE} (the sum cancels there).
 */
final class Gates {

  /** Beyond this |v| the gate is exactly 0 or 1 in double and the correction is meaningless (and could be NaN). */
  private static final double SATURATED = 1e4;
  /** Below this v, σ(v) = e^v(1 − e^v + …) equals e^v to within 2^−57. */
  private static final double EXP_TAIL = -40;

  private Gates() {}

  /** {@code a·e^t} for t ≤ −40: split as {@code (a·h)·h, h = e^{t/2}} where the result would be subnormal. */
  static double timesExp(double a, double t) {
    if (t < -700) {
      double h = Math.exp(0.5 * t); // t/2 is exact
      return a * h * h;
    }
    return a * Math.exp(t);
  }

  /** {@code x·σ(t + err)}; the limits x·0 (signed like x) and x·1 where the gate saturates. */
  static double gate(double x, double t, double err) {
    if (t > SATURATED) {
      return x;
    }
    if (t < -SATURATED) {
      return Math.copySign(0.0, x);
    }
    if (t < EXP_TAIL) {
      return timesExp(x + x * err, t);
    }
    double y = x * Stable.sigmoid(t);
    return y + y * (err * Stable.sigmoid(-t));
  }

  /**
   * {@code d/dv [v·σ(v)] = σ(v)·(1 + v·σ(−v))} at {@code v = t + err}: the derivative of silu, and of swish and
   * quick_gelu (their x-derivative is this at v = βx). No {@code 1 − σ} anywhere; for v &lt; 0 the cancelling sum
   * {@code 1 + v + e^v} (zero at silu's minimum, v = −1.2785) is formed with {@code 1 + v} exact.
   */
  static double gateSlope(double t, double err) {
    if (t > SATURATED) {
      return 1.0;
    }
    if (t < -SATURATED) {
      return -0.0; // (1 + v)e^v approaches 0 from below
    }
    if (t < EXP_TAIL) {
      return timesExp((1 + t) + err * (2 + t), t); // (1 + v)e^v with v = t + err, to first order in err
    }
    if (RootSeries.GATE.near(t)) { // the formula below cancels near the root v = −1.2785: 3.2·10⁶ ULP there
      return RootSeries.GATE.at(t, err);
    }
    if (t < 0) { // σ(v)(1 + vσ(−v)) = e(1 + v + e)/(1 + e)² with e = e^v: 1 + v is exact near the root
      double e = Math.exp(t);
      e += e * err;
      double d = 1 + e;
      return overSquare(e * (((1 + t) + e) + err), d, (1 - d) + e); // exact remainder: 1 ≥ e
    }
    double s = Stable.sigmoid(t);
    double sm = Stable.sigmoid(-t);
    double inner = 1 + t * sm + err * sm * (1 - t * s);
    return (s + s * (err * sm)) * inner;
  }

  /**
   * {@code num/(d + dLo)²}, with the rounding of d² and the remainder dLo of d applied to first order: about one
   * ULP less than {@code num/(d·d)} (measured: silu' and gelu_tanh' from up to 4.3 to at most 3.0 ULP).
   */
  static double overSquare(double num, double d, double dLo) {
    double dd = d * d;
    double ddLo = Math.fma(d, d, -dd) + 2 * d * dLo;
    double r = num / dd;
    return r - r * (ddLo / dd);
  }

  /** {@code σ'(v) = σ(v)σ(−v)} at {@code v = t + err}, corrected to first order: d ln σ'/dv = σ(−v) − σ(v). */
  static double sigmoidSlope(double t, double err) {
    if (Math.abs(t) > SATURATED) {
      return 0.0;
    }
    double d = Stable.sigmoidDerivative(t);
    return d + d * (err * (Stable.sigmoid(-t) - Stable.sigmoid(t)));
  }
}
