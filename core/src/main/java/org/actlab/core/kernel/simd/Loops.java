package org.actlab.core.kernel.simd;

/**
 * The array loops of one vector form, over a shared parameter vector. Implemented only by {@link FormLoops}'s
 * per-form copies (see {@link Specializer}); {@link SimdKernel} checks arguments and delegates here.
 */
interface Loops {

  void forward(double[] x, int xOff, double[] y, int yOff, int n, double[] p);

  void forward(float[] x, int xOff, float[] y, int yOff, int n, double[] p);

  void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, double[] p);

  void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, double[] p);

  /** Rows of {@code x + b} (b per column) through the form; {@code z} (nullable) receives the sums. */
  void forwardBias(double[] x, int xOff, double[] b, int bOff, double[] y, int yOff, double[] z, int zOff, int rows,
                   int cols, double[] p);

  void forwardBias(float[] x, int xOff, float[] b, int bOff, float[] y, int yOff, float[] z, int zOff, int rows,
                   int cols, double[] p);
}
