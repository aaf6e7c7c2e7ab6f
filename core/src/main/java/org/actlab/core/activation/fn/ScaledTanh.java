package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * LeCun's scaled hyperbolic tangent {@code 1.7159·tanh(2x/3)}.
 *
 * <p>Derivative {@code 1.7159·(2/3)·sech²(2x/3)}. The constants make f(±1) = ±1 and put the maximum of the second
 * derivative at ±1, so unit-variance inputs give roughly unit-variance outputs. LeCun, Bottou, Orr &amp; Müller,
 * Efficient BackProp (1998). sech² amplifies the relative error of its argument by {@code 2u·tanh u}, so the
 * rounding of {@code 2x/3}, recovered exactly with {@code fma}, is applied as a first-order correction.
 *
 * <p>Use it where tanh would be used but the signal should keep its scale from layer to layer (the notes use it
 * in generative models). Saturates on both sides like tanh: vanishing gradients in deep stacks.
 */
public final class ScaledTanh implements Activation {

  /** LeCun's amplitude: 1.7159 ≈ 1/tanh(2/3). */
  private static final double A = 1.7159;
  /** {@code 4·1.7159·2/3}, correctly rounded (mpmath: 1.1439333333333332 times 4, exact). */
  private static final double FOUR_A_TWO_THIRDS = 4 * 1.1439333333333332;

  private static final Spec SPEC = Spec.builder("scaled_tanh")
      .name("Scaled tanh (LeCun)")
      .family(Family.SIGMOID)
      .formula("1.7159 \\tanh\\left(\\tfrac{2}{3} x\\right)")
      .derivative("1.7159 \\cdot \\tfrac{2}{3} \\operatorname{sech}^2\\left(\\tfrac{2}{3} x\\right)")
      .reference("Y. LeCun, L. Bottou, G. Orr, K.-R. Müller, Efficient BackProp, in Neural Networks: Tricks of "
          + "the Trade, Springer 1998")
      .range(Range.open(-A, A))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-6, 6)
      .notes("Tanh rescaled so that f(+-1) = +-1 and the gain near the origin is about 1.14: with normalised inputs "
          + "and matching initialisation the output variance stays near the input's (0.75 for N(0,1) input), "
          + "and training avoids the flat tails. Zero-centred and odd. Still saturates on both sides, so very deep "
          + "stacks suffer vanishing gradients like tanh.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return A * Math.tanh(2 * x / 3); // tanh's condition number is at most 1: the rounding of 2x/3 is harmless
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double u = 2 * x / 3;
    double err = Double.isFinite(u) ? Math.fma(-u, 3, 2 * x) / 3 : 0; // 2x/3 = u + err to first order
    double e = Math.exp(-2 * Math.abs(u)); // sech²u = 4e/(1+e)², no 1 - tanh² cancellation
    double d = 1 + e;
    double dLo = (1 - d) + e; // 1 + e = d + dLo exactly (fast two-sum, 1 >= e)
    double r = FOUR_A_TWO_THIRDS * e / d / d;
    // first order in dLo and err: 1/(d+dLo)² = (1 - 2dLo/d)/d², sech²(u+err) = sech²u·(1 - 2·tanh(u)·err)
    double correction = 2 * dLo / d + 2 * Math.copySign((1 - e) / d, u) * err;
    return r - r * correction;
  }
}
