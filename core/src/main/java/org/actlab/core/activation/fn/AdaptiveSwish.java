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
 * The lecture notes' adaptive activation: a swish with trainable scale and slope, {@code α·x·σ(βx)}.
 *
 * <p>Derivative {@code α·σ(βx)·(1 + βx·σ(−βx))}; parameter gradients {@code ∂f/∂α = x·σ(βx)} and
 * {@code ∂f/∂β = α·x²·σ(βx)σ(−βx)}, computed without {@code σ(1−σ)} (the notes' numpy backward uses it and loses
 * the tails). A trainable-parameter extension of Swish (Ramachandran, Zoph &amp; Le, 2017) in the spirit of
 * adaptive activations (Jagtap, Kawaguchi &amp; Karniadakis, 2020).
 *
 * <p>Next to the root of the derivative, v = βx = −1.2785, the sum above cancels; there f' is the polynomial
 * {@code RootSeries.GATE} in v − r, with v carried in double-double (|v − r| &lt; 0.25, degree 12, from mpmath
 * via tools/root_series.py): 3.2·10⁶ ULP before, at most 2.5 ULP after (dense doubles and golden points).
 *
 * <p>Use it to let each unit learn its own gain and sharpness; two extra scalars per channel. At the defaults
 * (α = β = 1) it is silu; the notes initialise α at 0.2, which shrinks the initial signal fivefold.
 */
public final class AdaptiveSwish implements Activation {

  private static final Spec SPEC = Spec.builder("adaptive_swish")
      .name("Adaptive Swish")
      .family(Family.SMOOTH)
      .formula("\\alpha\\,x\\,\\sigma(\\beta x)")
      .derivative("\\alpha\\,\\sigma(\\beta x)\\,\\bigl(1 + \\beta x\\,\\sigma(-\\beta x)\\bigr)")
      .reference("P. Ramachandran, B. Zoph, Q. V. Le, Searching for Activation Functions, arXiv:1710.05941, 2017; "
          + "adaptive form as in A. D. Jagtap, K. Kawaguchi, G. E. Karniadakis, Adaptive activation functions "
          + "accelerate convergence in deep and physics-informed neural networks, J. Comput. Phys. 2020")
      .param(Param.of("alpha", 1.0, "output scale (the notes initialise it at 0.2)").trainable())
      .param(Param.of("beta", 1.0, "slope of the gate; 1 is silu's").trainable())
      .range(Range.atLeast(-0.2784645427610738)) // at alpha = beta = 1: silu's minimum (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-6, 4)
      .notes("Swish with a learned output scale alpha as well as a learned slope beta, as in the notes' "
          + "AdaptiveActivation (which starts alpha at 0.2 and beta at 1; our defaults, 1 and 1, make it silu). "
          + "Lets each channel tune its gain and sharpness, at the price of two more parameters and the risk of "
          + "alpha drifting to 0 (a dead unit). Non-monotonic, not zero-centred, costs one exp.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double y = Swish.value(x, p[1]);
    return p[0] == 0 && y == y ? 0.0 : p[0] * y;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return p[0] * Swish.slope(x, p[1]);
  }

  @Override
  public void dfdp(double x, double y, double[] p, double dy, double[] g) {
    g[0] += dy * Swish.value(x, p[1]);
    g[1] += dy * p[0] * Swish.betaGradient(x, p[1]);
  }
}
