package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.IS_INFINITE;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.XOR;
import static org.actlab.core.kernel.simd.Lanes.D;
import static org.actlab.core.kernel.simd.Lanes.F;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * Lane-wise pieces of the piecewise and polynomial forms: selections with NaN kept, derivative gates, and
 * float-lane arithmetic with a double parameter that stays within one float ULP of the reference.
 *
 * <p>Parameters are doubles, inputs in float lanes are floats. Two rules keep float lanes exact or nearly so:
 * a comparison {@code x > t} with a double {@code t} is the same as {@code x > below(t)} for every float
 * {@code x} (and {@code x < t} as {@code x < above(t)}), so branch decisions equal the reference's; and a
 * product or difference with a double constant uses the constant split as {@code hi + lo} in two floats, so the
 * result carries at most about one rounding of the float format instead of the constant's own error.
 */
public final class VPiecewise {

  private VPiecewise() {}

  /** The largest float ≤ {@code t}: for every float x, {@code x > t ⇔ x > below(t)}, same for {@code ≤}. */
  public static float below(double t) {
    float f = (float) t;
    return f > t ? Math.nextDown(f) : f;
  }

  /** The smallest float ≥ {@code t}: for every float x, {@code x < t ⇔ x < above(t)}. */
  public static float above(double t) {
    float f = (float) t;
    return f < t ? Math.nextUp(f) : f;
  }

  /** {@code x} where {@code pass} or where x is NaN, {@code c} elsewhere (the "else constant" of a reference). */
  public static DoubleVector keep(DoubleVector x, VectorMask<Double> pass, double c) {
    return x.blend(c, pass.not().and(x.eq(x)));
  }

  /** Float lanes of {@link #keep(DoubleVector, VectorMask, double)}. */
  public static FloatVector keep(FloatVector x, VectorMask<Float> pass, float c) {
    return x.blend(c, pass.not().and(x.eq(x)));
  }

  /** A derivative that is {@code v} where {@code pass}, NaN where x is NaN, 0 elsewhere (kinks included). */
  public static DoubleVector gate(DoubleVector x, VectorMask<Double> pass, double v) {
    return x.broadcast(0.0).blend(v, pass).blend(x, x.eq(x).not());
  }

  /** Float lanes of {@link #gate(DoubleVector, VectorMask, double)}. */
  public static FloatVector gate(FloatVector x, VectorMask<Float> pass, float v) {
    return x.broadcast(0f).blend(v, pass).blend(x, x.eq(x).not());
  }

  /** LeakyRelu.leaky lane-wise: {@code x > 0 ? x : slope·x}, and {@code −0.0} at {@code −∞} when slope is 0. */
  public static DoubleVector leaky(DoubleVector x, double slope) {
    DoubleVector neg = x.mul(slope);
    if (slope == 0) {
      neg = neg.blend(-0.0, x.eq(Double.NEGATIVE_INFINITY));
    }
    return x.blend(neg, x.compare(GT, 0).not());
  }

  /** Float lanes of {@link #leaky(DoubleVector, double)}, the product by {@link #times}. */
  public static FloatVector leaky(FloatVector x, double slope) {
    FloatVector neg = times(x, slope);
    if (slope == 0) {
      neg = neg.blend(-0f, x.eq(Float.NEGATIVE_INFINITY));
    }
    return x.blend(neg, x.compare(LE, 0)); // false for NaN: x kept, NaN either way
  }

  /** LeakyRelu.leakyDerivative lane-wise: 1 for x > 0, NaN for NaN, the slope elsewhere. */
  public static DoubleVector leakyDerivative(DoubleVector x, double slope) {
    return x.broadcast(1.0).blend(slope, x.compare(GT, 0).not()).blend(x, x.eq(x).not());
  }

  /** Float lanes of {@link #leakyDerivative(DoubleVector, double)}: the slope rounded once to float. */
  public static FloatVector leakyDerivative(FloatVector x, double slope) {
    return x.broadcast(1f).blend((float) slope, x.compare(GT, 0).not()).blend(x, x.eq(x).not());
  }

  /**
   * {@code x·s} in float lanes within about one float ULP of the exact product: {@code fma(x, lo, x·hi)} with
   * {@code s = hi + lo} (exact, one rounding, when s is a float). Infinite x takes {@code x·hi} (no ∞ − ∞);
   * a constant outside the normal float range is applied in double lanes instead.
   */
  public static FloatVector times(FloatVector x, double s) {
    float hi = (float) s;
    if (!(Math.abs(hi) >= Float.MIN_NORMAL && Math.abs(hi) <= Float.MAX_VALUE) && s != 0) {
      return viaDouble(x, s);
    }
    FloatVector m = x.mul(hi);
    float lo = (float) (s - hi);
    if (lo == 0) {
      return m;
    }
    FloatVector r = x.lanewise(FMA, lo, m);
    // an infinite x gives x·lo + x·hi = ∞ + ∞ when lo and hi agree in sign; only opposite signs make ∞ − ∞
    return (lo > 0) == (hi > 0) ? r : r.blend(m, x.test(IS_INFINITE));
  }

  /** {@code (float)(x·s)} computed in double lanes: exact product, one rounding. */
  private static FloatVector viaDouble(FloatVector x, double s) {
    FloatVector a = (FloatVector) ((DoubleVector) x.convertShape(F2D, D, 0)).mul(s).convertShape(D2F, F, 0);
    FloatVector b = (FloatVector) ((DoubleVector) x.convertShape(F2D, D, 1)).mul(s).convertShape(D2F, F, -1);
    return a.blend(b, HIGH_HALF);
  }

  /** Lanes {@code [F.length()/2, F.length())}: where the second half of a widened vector lands. */
  private static final VectorMask<Float> HIGH_HALF = VectorMask.fromLong(F, -1L << (F.length() / 2));

  /**
   * {@code x − sign(x)·c} in float lanes for {@code c ≥ 0}: {@code (x − ±hi) − ±lo} with {@code c = hi + lo},
   * both halves taking x's sign (two integer operations, where computing both sides and blending took five). Near
   * the cancellation {@code |x| ≈ c} the first subtraction is exact (Sterbenz), so the result is within about one
   * ULP. A c beyond the float range is applied as the largest float: only an infinite x can exceed it, and stays
   * infinite.
   */
  public static FloatVector minusSigned(FloatVector x, double c) {
    float hi = (float) c;
    float lo = Float.isInfinite(hi) ? 0f : (float) (c - hi);
    hi = Math.min(hi, Float.MAX_VALUE);
    IntVector sign = x.reinterpretAsInts().and(Integer.MIN_VALUE);
    FloatVector r = x.sub(sign.or(Float.floatToRawIntBits(hi)).reinterpretAsFloats());
    return lo == 0 ? r : r.sub(sign.lanewise(XOR, Float.floatToRawIntBits(lo)).reinterpretAsFloats()); // lo < 0 too
  }
}
