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
}
