package org.actlab.core.activation.row;

/**
 * Shared max-shifted row kernels for the softmax family. {@code sign} is +1 for softmax and −1 for softmin
 * ({@code softmin(x) = softmax(−x)}), so both share one careful implementation of the special rows.
 */
final class RowMath {

  private RowMath() {}

  /**
   * {@code y = softmax(sign·x)}. A NaN in the row gives a NaN row. With {@code k} entries at {@code +∞} (after
   * the sign) the finite entries are exactly 0 and the infinite ones share the mass in a way the limit leaves
   * undefined: 1 if {@code k = 1}, NaN otherwise. An all-{@code −∞} row is 0/0: NaN.
   */
  static void softmax(double[] x, int xOff, int n, double sign, double[] y, int yOff) {
    double max = Double.NEGATIVE_INFINITY;
    int infinite = 0;
    for (int i = 0; i < n; i++) {
      double v = sign * x[xOff + i];
      if (v != v) {
        java.util.Arrays.fill(y, yOff, yOff + n, Double.NaN);
        return;
      }
      if (v == Double.POSITIVE_INFINITY) {
        infinite++;
      }
      max = Math.max(max, v);
    }
    if (infinite > 0 || max == Double.NEGATIVE_INFINITY) {
      double share = infinite == 1 ? 1.0 : Double.NaN;
      for (int i = 0; i < n; i++) {
        y[yOff + i] = sign * x[xOff + i] == Double.POSITIVE_INFINITY ? share : infinite > 0 ? 0.0 : Double.NaN;
      }
      return;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = Math.exp(sign * x[xOff + i] - max);
      y[yOff + i] = e;
      sum += e;
    }
    // sum >= 1 (the max contributes e^0): no overflow, no division by zero; dividing (not multiplying by 1/sum)
    // saves one rounding per element.
    for (int i = 0; i < n; i++) {
      y[yOff + i] /= sum;
    }
  }

  /** {@code dx = sign · y ⊙ (g − ⟨g, y⟩)}: the vector-Jacobian product of {@code softmax(sign·x)}. */
  static void softmaxVjp(double[] y, int yOff, int n, double[] g, int gOff, double sign, double[] dx, int dxOff) {
    double dot = 0;
    for (int i = 0; i < n; i++) {
      dot += g[gOff + i] * y[yOff + i];
    }
    for (int i = 0; i < n; i++) {
      dx[dxOff + i] = sign * y[yOff + i] * (g[gOff + i] - dot);
    }
  }
}
