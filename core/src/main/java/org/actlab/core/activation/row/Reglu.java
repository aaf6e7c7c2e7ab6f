package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.activation.fn.Relu;

/**
 * ReLU-gated linear unit: the row splits into halves {@code a, b} and {@code y = a ⊗ max(0, b)}.
 *
 * <p>Backward {@code dx_a = dy ⊗ max(0, b)}, {@code dx_b = dy ⊗ a ⊗ [b > 0]}; at the kink {@code b = 0} the gate
 * derivative is 0, relu's PyTorch convention. Shazeer, GLU Variants Improve Transformer (2020).
 *
 * <p>A gating layer for transformer feed-forward blocks: cheap, and the product is bilinear where the gate is
 * open. Units whose gate input stays negative pass nothing and get no gradient, as dying ReLUs do.
 */
public final class Reglu extends GatedUnit {

  private static final Activation GATE = new Relu();

  private static final Spec SPEC = Spec.builder("reglu")
      .name("ReGLU")
      .family(Family.GLU)
      .formula("\\mathrm{ReGLU}(a, b) = a \\otimes \\max(0, b), \\quad x = [a; b]")
      .derivative("\\frac{\\partial y_i}{\\partial a_i} = \\max(0, b_i), \\quad "
          + "\\frac{\\partial y_i}{\\partial b_i} = \\begin{cases} a_i & b_i > 0 \\\\ 0 & b_i \\le 0 \\end{cases}")
      .reference("N. Shazeer, GLU Variants Improve Transformer, arXiv:2002.05202, 2020")
      .range(Range.REAL)
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NEGATIVE)
      .kinks(Kink.corner(0, 0, "at gate input b = 0: relu'(0) = 0 as in PyTorch autograd (threshold_backward "
          + "passes only b > 0), so dy/db = 0 there"))
      .plot(-5, 5)
      .notes("Gating function over the last axis: the first half a times relu of the second half b, so the "
          + "output is half as wide (odd lengths are rejected). Shazeer's transformer experiments found it "
          + "better than a plain relu feed-forward block at equal parameter count. Saturation and the kink refer "
          + "to the gate input b: for b <= 0 the unit is closed and passes no gradient to a or b (like a dead "
          + "ReLU). Costs two input units per output unit.")
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
