package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Swish with a trainable slope: {@code x·σ(βx)}.
 *
 * <p>Derivative {@code σ(βx)·(1 + βx·σ(−βx))}; parameter gradient {@code ∂f/∂β = x²·σ(βx)σ(−βx)}. The rounding
 * error of {@code βx} is recovered with fma and applied to first order (it would cost up to |βx| ULP in the
 * tails). Ramachandran, Zoph &amp; Le (2017), found by automated search. β = 1 is silu; as β → ∞ it tends to relu,
 * and β = 0 gives x/2.
 *
 * <p>Next to the root of the derivative, v = βx = −1.2785, the sum above cancels; there f' is the polynomial
 * {@code RootSeries.GATE} in v − r, with v carried in double-double (|v − r| &lt; 0.25, degree 12, from mpmath
 * via tools/root_series.py): 3.2·10⁶ ULP before, at most 2.5 ULP after (dense doubles and golden points).
 *
 * <p>Use it where silu works and a per-layer learned sharpness may help; the learned β is one extra scalar per
 * channel. Same caveats as silu: non-monotonic, not zero-centred, costs an exp.
 */
public final class Swish implements Activation {

  private static final Spec SPEC = Spec.builder("swish")
      .name("Swish")
      .family(Family.SMOOTH)
      .formula("x\\,\\sigma(\\beta x)")
      .derivative("\\sigma(\\beta x)\\,\\bigl(1 + \\beta x\\,\\sigma(-\\beta x)\\bigr)")
      .reference("P. Ramachandran, B. Zoph, Q. V. Le, Searching for Activation Functions, arXiv:1710.05941, 2017")
      .param(Param.of("beta", 1.0, "slope of the gate; 1 is silu, large values approach relu, 0 gives x/2")
          .trainable())
      .range(Range.atLeast(-0.2784645427610738)) // at beta = 1: silu's minimum (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-6, 4)
      .notes("Silu with a trainable beta: the network can learn how sharply each unit switches on, from x/2 "
          + "(beta = 0) to nearly relu (large beta). At beta = 1 it is exactly silu. Non-monotonic with a small "
          + "negative dip, no dying units, not zero-centred; costs one exp. Initialise beta at 1.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return value(x, p[0]);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return slope(x, p[0]);
  }

  @Override
  public void dfdp(double x, double y, double[] p, double dy, double[] g) {
    g[0] += dy * betaGradient(x, p[0]);
  }

  /** {@code x·σ(βx)}; β = 0 is x/2 also at x = ±∞, where {@code βx} would be NaN. */
  static double value(double x, double beta) {
    double t = beta * x;
    return beta == 0 ? 0.5 * x : Gates.gate(x, t, Math.fma(beta, x, -t));
  }

  /** {@code d/dx [x·σ(βx)]}. */
  static double slope(double x, double beta) {
    double t = beta * x;
    return beta == 0 ? (x == x ? 0.5 : x) : Gates.gateSlope(t, Math.fma(beta, x, -t));
  }

  /** {@code ∂/∂β [x·σ(βx)] = x²·σ'(βx)}, 0 in the limit |x| → ∞ (for β ≠ 0), subnormal-safe in the tail. */
  static double betaGradient(double x, double beta) {
    if (Double.isInfinite(x)) {
      return beta == 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
    double t = beta * x;
    double err = Math.fma(beta, x, -t);
    if (t < -40 && t >= -1e4) {
      return Gates.timesExp(x * (x + x * err), t); // σ'(v) = e^v to double precision here
    }
    return x * (x * Gates.sigmoidSlope(t, err));
  }
}
