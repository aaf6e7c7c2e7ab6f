package org.actlab.core.kernel;

import java.util.Objects;

import org.actlab.core.activation.RowActivation;

/**
 * Applies a {@link RowActivation} to {@code rows} consecutive rows of length {@code n} (the last axis of a
 * row-major tensor). Float32 rows are widened to double scratch once per call, computed with the double
 * reference, and rounded once, so no allocation happens per row or per element.
 */
public final class RowKernel {

  private final RowActivation fn;

  public RowKernel(RowActivation fn) {
    this.fn = Objects.requireNonNull(fn);
  }

  public RowActivation activation() {
    return fn;
  }

  /** Forward over {@code rows} rows: input row {@code r} starts at {@code xOff + r·n}, output at {@code yOff + r·m}. */
  public void forward(double[] x, int xOff, int rows, int n, double[] y, int yOff, double[] p) {
    int m = fn.outputLength(n);
    Bounds.check(x.length, xOff, rows * n, "x");
    Bounds.check(y.length, yOff, rows * m, "y");
    for (int r = 0; r < rows; r++) {
      fn.forward(x, xOff + r * n, n, y, yOff + r * m, p);
    }
  }

  public void forward(float[] x, int xOff, int rows, int n, float[] y, int yOff, double[] p) {
    int m = fn.outputLength(n);
    Bounds.check(x.length, xOff, rows * n, "x");
    Bounds.check(y.length, yOff, rows * m, "y");
    double[] xs = new double[n];
    double[] ys = new double[m];
    for (int r = 0; r < rows; r++) {
      widen(x, xOff + r * n, xs);
      fn.forward(xs, 0, n, ys, 0, p);
      narrow(ys, y, yOff + r * m);
    }
  }

  /** Vector-Jacobian product per row: {@code dx_r = J(x_r)ᵀ dy_r}. */
  public void backward(double[] x, int xOff, int rows, int n, double[] dy, int dyOff, double[] dx, int dxOff,
                       double[] p) {
    int m = fn.outputLength(n);
    Bounds.check(x.length, xOff, rows * n, "x");
    Bounds.check(dy.length, dyOff, rows * m, "dy");
    Bounds.check(dx.length, dxOff, rows * n, "dx");
    double[] work = new double[Math.max(m, n)];
    for (int r = 0; r < rows; r++) {
      fn.backward(x, xOff + r * n, n, dy, dyOff + r * m, dx, dxOff + r * n, p, work);
    }
  }

  public void backward(float[] x, int xOff, int rows, int n, float[] dy, int dyOff, float[] dx, int dxOff,
                       double[] p) {
    int m = fn.outputLength(n);
    Bounds.check(x.length, xOff, rows * n, "x");
    Bounds.check(dy.length, dyOff, rows * m, "dy");
    Bounds.check(dx.length, dxOff, rows * n, "dx");
    double[] xs = new double[n];
    double[] gs = new double[m];
    double[] dxs = new double[n];
    double[] work = new double[Math.max(m, n)];
    for (int r = 0; r < rows; r++) {
      widen(x, xOff + r * n, xs);
      widen(dy, dyOff + r * m, gs);
      fn.backward(xs, 0, n, gs, 0, dxs, 0, p, work);
      narrow(dxs, dx, dxOff + r * n);
    }
  }

  private static void widen(float[] src, int off, double[] dst) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = src[off + i];
    }
  }

  private static void narrow(double[] src, float[] dst, int off) {
    for (int i = 0; i < src.length; i++) {
      dst[off + i] = (float) src[i];
    }
  }
}
