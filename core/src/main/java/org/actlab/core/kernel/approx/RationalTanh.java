package org.actlab.core.kernel.approx;

import org.actlab.core.kernel.Bounds;

/**
 * A fast float32 tanh: the [11/10] Padé approximant of tanh at 0 (the truncated Lambert continued fraction,
 * {@code x·P(x²)/Q(x²)} with positive coefficients, so no poles), with the input clamped to ±{@link #CLAMP}, where
 * the approximant, as computed in float, first reaches 1. Below that it stays at or under 1 (every float of
 * [0, CLAMP] checked), so the output needs no clamp; the approximant itself exceeds 1 from 7.6223 on. Branch-free
 * float arithmetic (two compares, fmas, one division). With SIMD on, the arrays go through
 * {@code kernel.simd.RationalLanes}, which runs the same operations in vector lanes and so gives the same bits;
 * otherwise through the scalar loops here (which HotSpot's auto-vectoriser runs in float lanes when the offsets
 * agree; 155 Melem/s when they do not).
 *
 * <p>Measured against the double reference over float bit patterns in [−12, 12] (a strided sweep) (test {@code ApproxKernelTest}): max
 * absolute error below {@link #MAX_ABS_ERROR} (every float of [0, 12]: 6.6·10⁻⁷ at the clamp, where tanh is
 * 1 − 6.6·10⁻⁷); relative error below the same bound wherever |tanh x| ≥ 1/2 and a few float ULP near 0 (the Padé
 * error vanishes like x^22). Derivative {@code (1 − y)(1 + y)} from the approximate y: absolute error below
 * 2·{@link #MAX_ABS_ERROR}. NaN gives NaN.
 */
public final class RationalTanh implements ApproxKernel {

  /** Documented bound on |approx − tanh| (float32 output), asserted by the test. */
  public static final double MAX_ABS_ERROR = 1e-6;
  /**
   * Input clamp: the first float where the approximant gives 1.0f (so ±∞ give ±1). It was 7.7 with the output
   * clamped to [−1, 1] as well: two compares and two blends more per vector, of ~22 operations.
   */
  public static final float CLAMP = 7.4622626f;

  /**
   * Padé [11/10] of tanh in z = x²: the numerator is x times {@code NUM[0] + NUM[1]·z + … + NUM[5]·z⁵}, the
   * denominator {@code DEN[0] + … + DEN[5]·z⁵}; both evaluated by Horner with fmas, highest coefficient first.
   */
  public static final float[] NUM = {1f, 0.14285714285714285f, 0.004678362573099415f, 4.9142464003145115e-05f,
      1.5600782223220672e-07f, 7.273091945557423e-11f};
  public static final float[] DEN = {1f, 0.47619047619047616f, 0.03007518796992481f, 0.0005503955968352253f,
      3.2761642668763414e-06f, 4.800240684067899e-09f};

  /** tanh(x) approximately, the formula every lane runs (NaN stays NaN through the compares). */
  public static float tanh(float x) {
    float c = x < -CLAMP ? -CLAMP : x > CLAMP ? CLAMP : x;
    float z = c * c;
    return c * horner(NUM, z) / horner(DEN, z);
  }

  private static float horner(float[] coefficients, float z) {
    float r = coefficients[coefficients.length - 1];
    for (int k = coefficients.length - 2; k >= 0; k--) {
      r = Math.fma(r, z, coefficients[k]);
    }
    return r;
  }

  @Override
  public String id() {
    return "tanh~rational";
  }

  @Override
  public String target() {
    return "tanh";
  }

  @Override
  public String describe() {
    return "Pade [11/10] rational, input clamped to +-" + CLAMP + ", |err| <= " + MAX_ABS_ERROR;
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
      VectorLoops.tanhForward(x, xOff, y, yOff, n);
      return;
    }
    if (xOff == yOff) {
      // one index for both arrays: C2 vectorizes this loop (1,450 against 155 Melem/s for tanh at 1M); with two
      // offsets the arrays might overlap at a distance, and it does not
      for (int i = xOff, end = xOff + n; i < end; i++) {
        y[i] = tanh(x[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      y[yOff + i] = tanh(x[xOff + i]);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    if (VectorLoops.LANES) {
      VectorLoops.tanhBackward(x, xOff, dy, dyOff, dx, dxOff, n);
      return;
    }
    if (xOff == dyOff && dyOff == dxOff) {
      for (int i = xOff, end = xOff + n; i < end; i++) { // one index: vectorized, as in forward
        float t = tanh(x[i]);
        dx[i] = dy[i] * ((1f - t) * (1f + t));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      float t = tanh(x[xOff + i]);
      dx[dxOff + i] = dy[dyOff + i] * ((1f - t) * (1f + t));
    }
  }
}
