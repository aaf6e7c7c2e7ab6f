package org.actlab.core.activation.row;

import java.util.Arrays;

import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Sparsemax over the last axis: the Euclidean projection of the row onto the probability simplex,
 * {@code y_i = max(x_i − τ, 0)} with the threshold {@code τ} chosen so that {@code Σ y = 1}.
 *
 * <p>With {@code z} the row sorted in decreasing order, the support size is the largest {@code k} with
 * {@code 1 + k·z_k > Σ_{j≤k} z_j} and {@code τ = (Σ_{j≤k} z_j − 1)/k}. The Jacobian is
 * {@code diag(s) − s sᵀ/|S|} ({@code s} the support indicator), so the backward is
 * {@code dx_i = s_i (g_i − mean_{j∈S} g_j)}. Martins &amp; Astudillo (2016). The sorted copy lives in the output
 * buffer (an in-place heap sort, no allocation per row), and the row is shifted by its maximum first, so finite
 * input never overflows. Special rows: a NaN anywhere gives a NaN row; {@code −∞} entries get 0; a single
 * {@code +∞} gives the one-hot limit (exact for any finite rest once the top exceeds the runner-up by 1);
 * several {@code +∞} give NaN there and 0 elsewhere; an all-{@code −∞} row is undefined (sparsemax is
 * translation invariant): NaN.
 */
public final class Sparsemax implements RowActivation {

  private static final Spec SPEC = Spec.builder("sparsemax")
      .name("Sparsemax")
      .family(Family.SOFTMAX)
      .formula("\\mathrm{sparsemax}(x) = \\arg\\min_{p \\in \\Delta} \\lVert p - x \\rVert^2, \\quad "
          + "y_i = \\max(x_i - \\tau(x), 0)")
      .derivative("\\frac{\\partial y_i}{\\partial x_j} = s_i\\left(\\delta_{ij} - \\frac{s_j}{|S|}\\right), "
          + "\\quad s_i = [y_i > 0]")
      .reference("A. Martins, R. Astudillo, From Softmax to Sparsemax: A Sparse Model of Attention and "
          + "Multi-Label Classification, ICML 2016")
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .plot(-3, 3)
      .notes("Output function like softmax, but it returns exact zeros: entries more than the threshold below "
          + "the top get probability 0, which makes attention weights and multi-label outputs sparse and "
          + "interpretable. Piecewise linear, so its Jacobian jumps where an entry enters or leaves the support; "
          + "those kinks depend on the whole row and are not declared as points. Entries outside the support get "
          + "no gradient. Not a hidden-layer activation.")
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
    double max = Double.NEGATIVE_INFINITY;
    int infinite = 0;
    for (int i = 0; i < n; i++) {
      double v = x[xOff + i];
      if (v != v) {
        Arrays.fill(y, yOff, yOff + n, Double.NaN);
        return;
      }
      infinite += v == Double.POSITIVE_INFINITY ? 1 : 0;
      max = Math.max(max, v);
    }
    if (infinite > 0 || max == Double.NEGATIVE_INFINITY) {
      double share = infinite == 1 ? 1.0 : Double.NaN;
      for (int i = 0; i < n; i++) {
        y[yOff + i] = x[xOff + i] == Double.POSITIVE_INFINITY ? share : infinite > 0 ? 0.0 : Double.NaN;
      }
      return;
    }
    double tau = Simplex.threshold(x, xOff, n, max, y, yOff);
    for (int i = 0; i < n; i++) {
      y[yOff + i] = Math.max((x[xOff + i] - max) - tau, 0.0);
    }
  }

  @Override
  public void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                       double[] work) {
    forward(x, xOff, n, work, 0, p);
    double sum = 0;
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (work[i] != work[i]) {
        Arrays.fill(dx, dxOff, dxOff + n, Double.NaN); // NaN row or several +∞: the Jacobian is undefined
        return;
      }
      if (work[i] > 0) {
        sum += dy[dyOff + i];
        size++;
      }
    }
    double mean = size > 0 ? sum / size : 0;
    for (int i = 0; i < n; i++) {
      dx[dxOff + i] = work[i] > 0 ? dy[dyOff + i] - mean : 0.0;
    }
  }
}
