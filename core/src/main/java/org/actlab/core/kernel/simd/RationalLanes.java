package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static org.actlab.core.kernel.simd.Lanes.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.approx.RationalTanh;

/**
 * The rational tanh and sigmoid of {@code kernel.approx} ({@link RationalTanh}, {@code RationalSigmoid}) over float
 * arrays in vector lanes. Each lane runs the scalar formula's operations in the same order (compares and blends for
 * the clamp, fmas for Horner, one division), so the results are the same bits as the scalar loops'. The
 * auto-vectorised scalar loops these replace ran slower than the exact SIMD kernels (tanh~rational 1,426 against
 * tanh's 1,932 Melem/s at 1M floats, one run), as C2 vectorises {@code Math.min}/{@code max} with their NaN and
 * −0.0 rules, and not at all when the offsets differ; in these lanes, three bench runs: 2,389–2,732 against
 * 1,902–1,950. Callers have checked the bounds.
 */
public final class RationalLanes {

  private static final float CLAMP = RationalTanh.CLAMP;

  private static final int[] NUM = LaneTables.bits(RationalTanh.NUM);
  private static final int[] DEN = LaneTables.bits(RationalTanh.DEN);

  private RationalLanes() {}

  /** {@link RationalTanh#tanh(float)} lane-wise. */
  static FloatVector tanh(FloatVector x) {
    FloatVector c = x.blend(-CLAMP, x.compare(LT, -CLAMP));
    c = c.blend(CLAMP, c.compare(GT, CLAMP));
    FloatVector z = c.mul(c);
    return c.mul(horner(NUM, z)).div(horner(DEN, z));
  }

  /** {@code RationalSigmoid.sigmoid} lane-wise: {@code fma(0.5, tanh(x/2), 0.5)}. */
  static FloatVector sigmoid(FloatVector x) {
    return tanh(x.mul(0.5f)).fma(0.5f, 0.5f);
  }

  /** The coefficients' bits: read from an int array, they are loaded once per loop, not for every vector. */
  private static FloatVector horner(int[] coefficients, FloatVector z) {
    FloatVector r = z.broadcast(Float.intBitsToFloat(coefficients[coefficients.length - 1]));
    for (int k = coefficients.length - 2; k >= 0; k--) {
      r = r.fma(z, z.broadcast(Float.intBitsToFloat(coefficients[k])));
    }
    return r;
  }

  // One loop per function and direction, on purpose: a shared loop with a flag for the function boxed in one of
  // two bench runs (sigmoid~rational's backward at 127 Melem/s), C2 having compiled it on tanh's profile first.

  public static void tanhForward(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      tanh(FloatVector.fromArray(F, x, xOff + i)).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      tanh(FloatVector.fromArray(F, x, xOff + i, m)).intoArray(y, yOff + i, m);
    }
  }

  /** {@code dy·(1 − t)(1 + t)}, t the approximate tanh. */
  public static void tanhBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      FloatVector t = tanh(FloatVector.fromArray(F, x, xOff + i));
      FloatVector.fromArray(F, dy, dyOff + i).mul(t.neg().add(1f).mul(t.add(1f))).intoArray(dx, dxOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector t = tanh(FloatVector.fromArray(F, x, xOff + i, m));
      FloatVector.fromArray(F, dy, dyOff + i, m).mul(t.neg().add(1f).mul(t.add(1f))).intoArray(dx, dxOff + i, m);
    }
  }

  public static void sigmoidForward(float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      sigmoid(FloatVector.fromArray(F, x, xOff + i)).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      sigmoid(FloatVector.fromArray(F, x, xOff + i, m)).intoArray(y, yOff + i, m);
    }
  }

  /** {@code dy·s(1 − s)}, s the approximate sigmoid. */
  public static void sigmoidBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      FloatVector s = sigmoid(FloatVector.fromArray(F, x, xOff + i));
      FloatVector.fromArray(F, dy, dyOff + i).mul(s.mul(s.neg().add(1f))).intoArray(dx, dxOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector s = sigmoid(FloatVector.fromArray(F, x, xOff + i, m));
      FloatVector.fromArray(F, dy, dyOff + i, m).mul(s.mul(s.neg().add(1f))).intoArray(dx, dxOff + i, m);
    }
  }
}
