package org.actlab.core.kernel.approx;

import org.actlab.core.kernel.Bounds;

/**
 * A fast float32 sigmoid: {@code σ(x) = (1 + tanh(x/2))/2} with {@link RationalTanh}'s clamped Padé approximant.
 * Same branch-free float arithmetic, in vector lanes with SIMD on ({@code kernel.simd.RationalLanes}, the same
 * bits), in scalar loops otherwise.
 *
 * <p>Max absolute error below {@link #MAX_ABS_ERROR} (half the tanh error plus the rounding of 1 + t), asserted
 * by {@code ApproxKernelTest} over float bit patterns in [−30, 30] (a strided sweep). It is an ABSOLUTE bound: {@code 1 + t} cancels for
 * negative x, so the relative error grows in the left tail (about 1% where σ ≈ 5·10⁻⁵) and the result is exactly 0
 * below x ≈ −15.2. Use it where absolute accuracy suffices (hidden gates); use the exact kernel for
 * probabilities and log-likelihoods. Derivative {@code y(1 − y)} from the approximate y.
 */
public final class RationalSigmoid implements ApproxKernel {

  /** Documented bound on |approx − σ| (float32 output), asserted by the test. */
  public static final double MAX_ABS_ERROR = 6e-7;

  /** σ(x) approximately, the formula every lane runs. */
  public static float sigmoid(float x) {
    return Math.fma(0.5f, RationalTanh.tanh(0.5f * x), 0.5f);
  }

  @Override
  public String id() {
    return "sigmoid~rational";
  }

  @Override
  public String target() {
    return "sigmoid";
  }

  @Override
  public String describe() {
    return "(1 + tanh~rational(x/2))/2, |err| <= " + MAX_ABS_ERROR + " (absolute; 0 below x = -15.2)";
  }

  @Override
  public double maxAbsError() {
    return MAX_ABS_ERROR;
  }

  @Override
  public double domainLo() {
    return Double.NEGATIVE_INFINITY;
  }

  @Override
  public double domainHi() {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    if (VectorLoops.LANES) {
      VectorLoops.sigmoidForward(x, xOff, y, yOff, n);
      return;
    }
    if (xOff == yOff) {
      // one index for both arrays: C2 vectorizes this loop (1,450 against 155 Melem/s for tanh at 1M); with two
      // offsets the arrays might overlap at a distance, and it does not
      for (int i = xOff, end = xOff + n; i < end; i++) {
        y[i] = sigmoid(x[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      y[yOff + i] = sigmoid(x[xOff + i]);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    if (VectorLoops.LANES) {
      VectorLoops.sigmoidBackward(x, xOff, dy, dyOff, dx, dxOff, n);
      return;
    }
    if (xOff == dyOff && dyOff == dxOff) {
      for (int i = xOff, end = xOff + n; i < end; i++) { // one index: vectorized, as in forward
        float s = sigmoid(x[i]);
        dx[i] = dy[i] * (s * (1f - s));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      float s = sigmoid(x[xOff + i]);
      dx[dxOff + i] = dy[dyOff + i] * (s * (1f - s));
    }
  }
}
