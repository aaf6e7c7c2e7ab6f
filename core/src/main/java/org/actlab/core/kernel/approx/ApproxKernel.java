package org.actlab.core.kernel.approx;

/**
 * A hardware-oriented approximation of a catalog function over float32 arrays: NOT a catalog entry and NOT held
 * to the 4 ULP bound; instead each one documents its maximum error against the double reference, and a test
 * asserts it. Ids are {@code <catalog id>~<method>} ({@code tanh~rational}, {@code gelu~int8}).
 */
public interface ApproxKernel {

  /** {@code <target>~<method>}. */
  String id();

  /** The catalog id this approximates. */
  String target();

  /** One line: method, domain, documented error. */
  String describe();

  /** Documented bound on |approx − f| over {@link #domainLo()}..{@link #domainHi()} (and beyond, if clamped). */
  double maxAbsError();

  /** Inputs where {@link #maxAbsError()} is guaranteed (int8: the quantiser's range). */
  double domainLo();

  double domainHi();

  /** {@code y[yOff+i] ≈ f(x[xOff+i])}. */
  void forward(float[] x, int xOff, float[] y, int yOff, int n);

  /** {@code dx[dxOff+i] ≈ dy[dyOff+i]·f'(x[xOff+i])}. */
  void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n);
}
