package org.actlab.core.kernel;

import org.actlab.core.activation.Activation;

/**
 * Array forward and backward of one elementwise activation, over {@code float[]} or {@code double[]} with
 * offsets. Outputs go to caller-supplied buffers; inputs are never modified; output ranges may not overlap input
 * ranges unless they are the identical range (an explicit in-place call).
 *
 * <p>Every implementation matches the double reference {@link Activation#f}/{@link Activation#dfdx} within
 * the 4 ULP bound of NUMERICS.md; {@link ScalarKernel} does so by construction, SIMD kernels by test.
 */
public interface Kernel {

  /** The function this kernel computes. */
  Activation activation();

  /** "scalar" or "simd", for logs, benchmarks and {@code --kernel}. */
  String kind();

  /** {@code y[yOff+i] = f(x[xOff+i]; p)} for {@code i < n}. */
  void forward(double[] x, int xOff, double[] y, int yOff, int n, ParamBlock p);

  /** Float32 forward; the result is the float nearest the double reference (within 1 ULP). */
  void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p);

  /**
   * {@code dx[dxOff+i] = dy[dyOff+i] · f'(x[xOff+i]; p)}. If {@code gp} is not null, adds
   * {@code Σ dy·∂f/∂p} into it for each learnable parameter, laid out as the block: {@code gp[c·width + k]}.
   */
  void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                double[] gp);

  /** Float32 backward; parameter gradients are accumulated in double. */
  void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, ParamBlock p,
                double[] gp);

  // Fused and in-place forms for the training engine. The defaults are the unfused composition without
  // temporaries; SimdKernel and ParallelKernel override the fused forward. Results equal the composition bit for bit.

  /**
   * Bias plus activation over a row-major {@code rows × cols} matrix in one pass: {@code z = x[r,c] + b[c]}
   * (one float or double addition), {@code y[r,c] = f(z; p)}, and {@code z} stored at {@code zOut[zOff + r·cols + c]}
   * when {@code zOut} is not null (the pre-activation that {@link #backward} needs). Equal, bit for bit, to adding the
   * bias and then calling {@link #forward} once over the {@code rows·cols} elements (a per-channel block counts
   * elements from the first one). {@code y} may be the identical range as {@code x}; {@code zOut} must not overlap
   * {@code y}.
   */
  default void forwardBias(float[] x, int xOff, float[] b, int bOff, float[] y, int yOff, float[] zOut, int zOff,
                           int rows, int cols, ParamBlock p) {
    int n = Bounds.matrix(rows, cols);
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(b.length, bOff, cols, "b");
    Bounds.check(y.length, yOff, n, "y");
    float[] z = zOut == null ? y : zOut;
    int zo = zOut == null ? yOff : zOff;
    Bounds.check(z.length, zo, n, "zOut");
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        z[zo + r * cols + c] = x[xOff + r * cols + c] + b[bOff + c];
      }
    }
    forward(z, zo, y, yOff, n, p);
  }

  /** Double version of the float {@code forwardBias}: the same contract, the sum rounded to double. */
  default void forwardBias(double[] x, int xOff, double[] b, int bOff, double[] y, int yOff, double[] zOut, int zOff,
                           int rows, int cols, ParamBlock p) {
    int n = Bounds.matrix(rows, cols);
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(b.length, bOff, cols, "b");
    Bounds.check(y.length, yOff, n, "y");
    double[] z = zOut == null ? y : zOut;
    int zo = zOut == null ? yOff : zOff;
    Bounds.check(z.length, zo, n, "zOut");
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        z[zo + r * cols + c] = x[xOff + r * cols + c] + b[bOff + c];
      }
    }
    forward(z, zo, y, yOff, n, p);
  }

  /** {@code a[off+i] = f(a[off+i]; p)}: OVERWRITES the input with the output (only when the caller asks). */
  default void forwardInPlace(float[] a, int off, int n, ParamBlock p) {
    forward(a, off, a, off, n, p);
  }

  /** Double version of {@link #forwardInPlace(float[], int, int, ParamBlock)}; OVERWRITES {@code a}. */
  default void forwardInPlace(double[] a, int off, int n, ParamBlock p) {
    forward(a, off, a, off, n, p);
  }

  /**
   * {@code g[gOff+i] = g[gOff+i] · f'(x[xOff+i]; p)}: {@code g} holds dy on entry and is OVERWRITTEN with dx.
   * Parameter gradients as in {@link #backward}.
   */
  default void backwardInPlace(float[] x, int xOff, float[] g, int gOff, int n, ParamBlock p, double[] gp) {
    backward(x, xOff, g, gOff, g, gOff, n, p, gp);
  }

  /** Double version of {@link #backwardInPlace(float[], int, float[], int, int, ParamBlock, double[])}. */
  default void backwardInPlace(double[] x, int xOff, double[] g, int gOff, int n, ParamBlock p, double[] gp) {
    backward(x, xOff, g, gOff, g, gOff, n, p, gp);
  }
}
