package org.actlab.core.activation.row;

import java.util.Arrays;

import org.actlab.core.activation.Activation;

/**
 * The shared body of the gated linear units. A row of even length {@code n} splits into {@code a} (the first
 * half) and {@code b} (the second half); the output is {@code y_i = a_i · act(b_i)} with {@code act} any
 * elementwise {@link Activation}, PyTorch's {@code glu} convention (also JAX's). The parameter vector {@code p}
 * goes to the gate unchanged, so a GLU declares exactly its gate's parameters, in the same order.
 *
 * <p>Special values: a NaN anywhere in the row gives a NaN row (forward and backward), as for the softmax
 * family. An exactly zero factor wins over an infinite one ({@code ∞ · 0 = 0}): that is the limit with the zero
 * factor held fixed, e.g. reglu with {@code a = ∞, b = −1} is 0, and {@code a = 0} with an unbounded gate at
 * {@code b = +∞} is 0. The gate is rounded to double before the product, so a gate that underflows (sigmoid
 * below {@code b ≈ −745}) closes the unit to 0 and one that is subnormal loses relative accuracy.
 */
final class GluMath {

  private GluMath() {}

  /** Half the row length, the output length; odd lengths cannot be split. */
  static int half(String id, int n) {
    if (n < 0 || n % 2 != 0) {
      throw new IllegalArgumentException(id + " splits the last axis into two halves (a, b) and needs an even "
          + "length, got n = " + n + "; make the preceding layer's output size even");
    }
    return n / 2;
  }

  /** {@code y_i = a_i · gate(b_i)} for {@code i < n/2}. */
  static void forward(String id, Activation gate, double[] x, int xOff, int n, double[] y, int yOff, double[] p) {
    int m = half(id, n);
    if (hasNaN(x, xOff, n)) {
      Arrays.fill(y, yOff, yOff + m, Double.NaN);
      return;
    }
    for (int i = 0; i < m; i++) {
      y[yOff + i] = product(x[xOff + i], gate.f(x[xOff + m + i], p));
    }
  }

  /**
   * Vector-Jacobian product: {@code dx_{a_i} = dy_i · gate(b_i)} and {@code dx_{b_i} = dy_i · a_i · gate'(b_i)};
   * the Jacobian is block diagonal, so no scratch is needed.
   */
  static void backward(String id, Activation gate, double[] x, int xOff, int n, double[] dy, int dyOff,
                       double[] dx, int dxOff, double[] p) {
    int m = half(id, n);
    if (hasNaN(x, xOff, n)) {
      Arrays.fill(dx, dxOff, dxOff + n, Double.NaN);
      return;
    }
    for (int i = 0; i < m; i++) {
      double a = x[xOff + i];
      double b = x[xOff + m + i];
      double g = gate.f(b, p);
      double dg = gate.dfdx(b, g, p);
      double d = dy[dyOff + i];
      dx[dxOff + i] = product(d, g);
      dx[dxOff + m + i] = product(d, product(a, dg));
    }
  }

  /** {@code u · v}, except that an exactly zero factor wins over an infinite one (see the class comment). */
  static double product(double u, double v) {
    double r = u * v;
    return r != r && u == u && v == v ? 0.0 : r; // NaN from two non-NaN factors can only be ∞ · 0
  }

  private static boolean hasNaN(double[] x, int off, int n) {
    for (int i = 0; i < n; i++) {
      if (x[off + i] != x[off + i]) {
        return true;
      }
    }
    return false;
  }
}
