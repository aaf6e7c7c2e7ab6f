package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.activation.fn.Sigmoid;

/**
 * Gated linear unit: the row splits into halves {@code a, b} and {@code y = a ⊗ σ(b)}.
 *
 * <p>Backward {@code dx_a = dy ⊗ σ(b)}, {@code dx_b = dy ⊗ a ⊗ σ(b)σ(−b)}. Dauphin, Fan, Auli &amp; Grangier
 * (2017); PyTorch's {@code torch.nn.GLU} with {@code dim=-1} uses the same split (the gate is the second half).
 *
 * <p>A gating layer, not a pointwise hidden activation: it halves the width. The linear path {@code a} keeps
 * gradients flowing where the gate is open; a closed gate ({@code b → −∞}) blocks both paths.
 */
public final class Glu extends GatedUnit {

  private static final Activation GATE = new Sigmoid();

  private static final Spec SPEC = Spec.builder("glu")
      .name("GLU")
      .family(Family.GLU)
      .formula("\\mathrm{GLU}(a, b) = a \\otimes \\sigma(b), \\quad x = [a; b]")
      .derivative("\\frac{\\partial y_i}{\\partial a_i} = \\sigma(b_i), \\quad "
          + "\\frac{\\partial y_i}{\\partial b_i} = a_i\\,\\sigma(b_i)\\,\\sigma(-b_i)")
      .reference("Y. Dauphin, A. Fan, M. Auli, D. Grangier, Language Modeling with Gated Convolutional Networks, "
          + "ICML 2017")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .plot(-5, 5)
      .notes("Gating function over the last axis: the first half a is passed through, scaled by the sigmoid of "
          + "the second half b, so the output is half as wide (odd lengths are rejected). Used in gated CNN "
          + "language models and as the feed-forward block of transformers (see swiglu, geglu). Saturation "
          + "refers to the gate input: for b -> -inf the gate closes and all gradients vanish, for b -> +inf the "
          + "linear path keeps gradient 1. Costs two input units per output unit.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  Activation gate() {
    return GATE;
  }
}
