package org.actlab.core.activation.row;

import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Softmin over the last axis: {@code y_i = e^{−x_i} / Σ_j e^{−x_j}}, that is {@code softmax(−x)}.
 *
 * <p>Jacobian {@code −(diag(y) − y yᵀ)}; the backward is {@code −y ⊙ (g − ⟨g, y⟩)}. PyTorch {@code torch.nn.Softmin}.
 * Computed max-shifted on {@code −x} by the same code as softmax, so finite input never overflows. Special rows
 * mirror softmax's with the sign flipped: a NaN anywhere gives a NaN row; a single {@code −∞} gives the one-hot
 * limit; several {@code −∞} leave their share undefined (NaN there, 0 elsewhere); an all-{@code +∞} row is NaN.
 */
public final class Softmin implements RowActivation {

  private static final Spec SPEC = Spec.builder("softmin")
      .name("Softmin")
      .family(Family.SOFTMAX)
      .formula("\\mathrm{softmin}(x)_i = \\frac{e^{-x_i}}{\\sum_j e^{-x_j}}")
      .derivative("\\frac{\\partial y_i}{\\partial x_j} = -y_i(\\delta_{ij} - y_j)")
      .reference("PyTorch torch.nn.Softmin (softmax of the negated input)")
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .plot(-5, 5)
      .notes("Output function: turns a row of costs or energies into a distribution that favours the smallest "
          + "entry (softmax(-x)). Not a hidden-layer activation. Useful for soft attention over distances or "
          + "soft selection of the cheapest option. Saturates when one cost is much smaller than the rest.")
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
    RowMath.softmax(x, xOff, n, -1.0, y, yOff);
  }

  @Override
  public void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                       double[] work) {
    RowMath.softmax(x, xOff, n, -1.0, work, 0);
    RowMath.softmaxVjp(work, 0, n, dy, dyOff, -1.0, dx, dxOff);
  }
}
