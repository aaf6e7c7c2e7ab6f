package org.actlab.core.activation.row;

import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Softmax over the last axis: {@code y_i = e^{x_i} / Σ_j e^{x_j}}.
 *
 * <p>Jacobian {@code diag(y) − y yᵀ}; the backward is {@code y ⊙ (g − ⟨g, y⟩)}. Bridle (1990).
 * Computed max-shifted, so finite input never overflows. Special rows: a NaN anywhere gives a NaN row; a single
 * {@code +∞} gives the one-hot limit; several {@code +∞} leave their share undefined (NaN there, 0 elsewhere);
 * an all-{@code −∞} row is 0/0, NaN.
 */
public final class Softmax implements RowActivation {

  private static final Spec SPEC = Spec.builder("softmax")
      .name("Softmax")
      .family(Family.SOFTMAX)
      .formula("\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}")
      .derivative("\\frac{\\partial y_i}{\\partial x_j} = y_i(\\delta_{ij} - y_j)")
      .reference("J. Bridle, Probabilistic Interpretation of Feedforward Classification Network Outputs, 1990")
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .plot(-5, 5)
      .notes("Output function: turns a row of logits into a probability distribution. Not a hidden-layer "
          + "activation. For training, pair log_softmax with the negative log-likelihood (softmax cross-entropy) "
          + "instead of taking log(softmax), which underflows. Saturates when one logit dominates.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public int outputLength(int n) {
    return n;
  }

  @Override
  public void forward(double[] x, int xOff, int n, double[] y, int yOff, double[] p) {
    RowMath.softmax(x, xOff, n, 1.0, y, yOff);
  }

  @Override
  public void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                       double[] work) {
    RowMath.softmax(x, xOff, n, 1.0, work, 0);
    RowMath.softmaxVjp(work, 0, n, dy, dyOff, 1.0, dx, dxOff);
  }
}
