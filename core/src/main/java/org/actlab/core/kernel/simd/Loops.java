package org.actlab.core.kernel.simd;

/**
 * The array loops of one vector form with shared parameters {@code pv}, arguments already checked: implemented
 * once by {@link FormLoops} and instantiated per form by {@link Specialized}.
 */
interface Loops {

  void forward(double[] x, int xo, double[] y, int yo, int n, double[] pv);

  void forward(float[] x, int xo, float[] y, int yo, int n, double[] pv);

  void backward(double[] x, int xo, double[] dy, int dyo, double[] dx, int dxo, int n, double[] pv);

  void backward(float[] x, int xo, float[] dy, int dyo, float[] dx, int dxo, int n, double[] pv);

  void forwardBias(double[] x, int xo, double[] b, int bo, double[] y, int yo, double[] z, int zo, int rows, int cols,
                   double[] pv);

  void forwardBias(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int rows, int cols,
                   double[] pv);
}
