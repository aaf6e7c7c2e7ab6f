package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.activation.fn.Silu;

/**
 * SwiGLU: the row splits into halves {@code a, b} and {@code y = a ⊗ silu(b)}.
 *
 * <p>Backward {@code dx_a = dy ⊗ silu(b)}, {@code dx_b = dy ⊗ a ⊗ silu'(b)}. Shazeer (2020), with Swish_β at
 * β = 1. The gate is the catalog's {@code silu}, so its stable tails and exact derivative carry over.
 *
 * <p>A gating block for transformer feed-forward layers, not a pointwise activation; it halves the width.
 */
public final class Swiglu extends GatedUnit {

  private static final Activation GATE = new Silu();

  private static final Spec SPEC = Spec.builder("swiglu")
      .name("SwiGLU")
      .family(Family.GLU)
      .formula("\\mathrm{SwiGLU}(a, b) = a \\otimes \\mathrm{silu}(b), \\quad x = [a; b]")
      .derivative("\\frac{\\partial y_i}{\\partial a_i} = \\mathrm{silu}(b_i), \\quad "
          + "\\frac{\\partial y_i}{\\partial b_i} = a_i\\,\\sigma(b_i)(1 + b_i\\,\\sigma(-b_i))")
      .reference("N. Shazeer, GLU Variants Improve Transformer, arXiv:2002.05202, 2020")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .plot(-5, 5)
      .notes("The feed-forward block of LLaMA, PaLM and most recent transformers: the first half a is multiplied by "
          + "silu of the second half b, so the output is half as wide (odd lengths are rejected). Shazeer (2020) "
          + "found it trains to lower perplexity than relu or gelu feed-forward layers at equal compute; budget "
          + "for the extra input projection. Saturation refers to the gate input: for b -> -inf the unit closes. "
          + "The split convention is PyTorch's glu one (gate = second half).")
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
