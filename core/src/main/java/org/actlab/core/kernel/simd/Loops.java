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
}
