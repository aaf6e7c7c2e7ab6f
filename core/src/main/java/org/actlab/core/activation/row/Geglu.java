package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.activation.fn.Gelu;

/**
 * GEGLU: the row splits into halves {@code a, b} and {@code y = a ⊗ gelu(b)} with the exact gelu.
 *
 * <p>Backward {@code dx_a = dy ⊗ gelu(b)}, {@code dx_b = dy ⊗ a ⊗ (Φ(b) + bφ(b))}. Shazeer (2020). The gate is
 * the catalog's {@code gelu} (erfc form), so tails for very negative b keep their digits.
 *
 * <p>A gating block for transformer feed-forward layers, not a pointwise activation; it halves the width.
 */
public final class Geglu extends GatedUnit {

  private static final Activation GATE = new Gelu();

  private static final Spec SPEC = Spec.builder("geglu")
      .name("GEGLU")
      .family(Family.GLU)
      .formula("\\mathrm{GEGLU}(a, b) = a \\otimes \\mathrm{gelu}(b), \\quad x = [a; b]")
      .derivative("\\frac{\\partial y_i}{\\partial a_i} = \\mathrm{gelu}(b_i), \\quad "
          + "\\frac{\\partial y_i}{\\partial b_i} = a_i\\,(\\Phi(b_i) + b_i\\,\\varphi(b_i))")
      .reference("N. Shazeer, GLU Variants Improve Transformer, arXiv:2002.05202, 2020")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .plot(-5, 5)
      .notes("Transformer feed-forward gating with the exact (erfc-form) gelu of the second half b multiplying the "
          + "first half a; the output is half as wide (odd lengths are rejected). In Shazeer's (2020) comparison "
          + "it matched swiglu as the best variant. The gate costs an erfc per unit. Saturation refers to the "
          + "gate input: for b -> -inf the unit closes. The split convention is PyTorch's glu one (gate = "
          + "second half).")
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
