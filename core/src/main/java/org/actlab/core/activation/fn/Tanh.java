package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

/**
 * The hyperbolic tangent {@code tanh x = (e^x − e^{-x})/(e^x + e^{-x})}.
 *
 * <p>Derivative {@code sech²x}, computed as {@code 4e^{-2|x|}/(1+e^{-2|x|})²}: the textbook {@code 1 − tanh²x}
 * cancels to 0 for |x| above about 19 (NUMERICS.md §2). LeCun, Bottou, Orr &amp; Müller (1998) recommend it over
 * the sigmoid because it is zero-centred.
 *
 * <p>Use it where a bounded, zero-centred output is wanted: RNN/LSTM cell states, small networks, outputs in
 * (−1, 1). Avoid it in deep feed-forward stacks: it saturates on both sides, so gradients vanish with depth.
 */
public final class Tanh implements Activation {

  private static final Spec SPEC = Spec.builder("tanh")
      .name("Tanh")
      .family(Family.SIGMOID)
      .formula("\\tanh x = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}")
      .derivative("\\operatorname{sech}^2 x = 1 - \\tanh^2 x")
      .reference("Y. LeCun, L. Bottou, G. Orr, K.-R. Müller, Efficient BackProp, in Neural Networks: Tricks of "
          + "the Trade, Springer 1998")
      .range(Range.open(-1, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-5, 5)
      .notes("Zero-centred sigmoid: outputs in (-1, 1) with mean near 0, so the next layer's inputs are balanced "
          + "and it usually trains faster than the sigmoid. Still saturates on both sides (derivative at most 1, "
          + "vanishing for |x| > 3), so deep stacks suffer vanishing gradients. The standard choice inside "
          + "RNN/LSTM cells; use Xavier (Glorot) initialisation.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return Math.tanh(x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return Stable.sech2(x);
  }
}
