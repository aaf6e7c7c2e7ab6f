package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;

/**
 * {@code sin(t + err + o·π)} in double lanes for results rounded to float, written out instead of the vector-math
 * calls (each spills every live vector). {@code t + o·π = j·π + r} by a three-part Cody–Waite reduction (twice
 * fdlibm's pio2_1, pio2_2 and pio2_2t), each step one fma, whose product is exact inside it: where r is small the
 * difference with the first part is exact (its granularity is ulp(t) or 2⁻³³, and |t| ≥ ½ there), the second is
 * rounded relative to its small result, and the third part's own error is below 5·10⁻³⁷·|j|; so r keeps far more
 * than a float's precision next to the zeros of the sine (the floats closest to a multiple of π up to 2²², about
 * 4·10⁻⁹ from it, are among {@code VSinFloatTest}'s inputs). Then err is added to r, the result is
 * {@code (−1)ʲ·sin r} by a Taylor polynomial on |r| ≲ π/2 + |err| (truncated at r¹⁷/17!, below 10⁻¹⁰), and the
 * sign comes from j's low bit. One polynomial over half a period rather than sine and cosine over quarters:
 * choosing between those by k's two low bits (mask casts from long lanes) cost C2 4,400 parse nodes, which took
 * snake's backward loop over its node budget (195 Melem/s, boxing, against 890 without the choice). Valid for
 * |t| &lt; {@link #LIMIT}; the caller takes another path in the lanes {@link #far} marks.
 */
public final class VSinFloat {

  /**
   * |t| below this keeps j within the rounding constant's reach (2⁵¹) and err, at most ulp(t)/2, below 1/16, so
   * that |r| stays where the polynomial is accurate.
   */
  public static final double LIMIT = 0x1p49;

  private static final double INV_PI = 0.3183098861837907;
  private static final double PI_1 = 2 * 1.57079632673412561417e+00; // the first 33 bits of π
  private static final double PI_2 = 2 * 6.07710050630396597660e-11; // the next 33 bits
  private static final double PI_2T = 2 * 2.02226624879595063154e-21; // π − PI_1 − PI_2
  private static final double ROUND_D = 0x1.8p52; // (y + ROUND_D) − ROUND_D = rint(y); the low bits of the sum hold y
  /** (−1)ᵏ/(2k+1)!, k = 1..7: sin r = r + r³·S(r²). */
  private static final double[] S = {-1.0 / 6, 1.0 / 120, -1.0 / 5040, 1.0 / 362880, -1.0 / 39916800,
      1.0 / 6227020800.0, -1.0 / 1307674368000.0};

  private VSinFloat() {}

  /** The lanes with |t| ≥ {@link #LIMIT} or ±∞, where the methods below are not valid (NaN is not far). */
  public static VectorMask<Double> far(DoubleVector t) {
    return t.abs().compare(GE, LIMIT);
  }

  /** {@code sin(t + err)}, |t| &lt; {@link #LIMIT}, err the rounding error of t (NaN gives NaN). */
  public static DoubleVector sin(DoubleVector t, DoubleVector err) {
    return sinShifted(t, err, 0);
  }

  /** {@code cos(t + err) = sin(t + err + π/2)}, as {@link #sin}. */
  public static DoubleVector cos(DoubleVector t, DoubleVector err) {
    return sinShifted(t, err, 0.5);
  }

  /**
   * {@code sin(t + err + π/4)}, as {@link #sin}: accurate next to its zeros, where {@code 1 + sin 2t}, which is
   * {@code 2 sin²(t + π/4)}, would cancel if formed as a sum.
   */
  public static DoubleVector sinPlusQuarterPi(DoubleVector t, DoubleVector err) {
    return sinShifted(t, err, 0.25);
  }

  /** {@code sin(t + err + o·π)}: j = rint(t/π + o), m = j − o, r = t − m·π + err. */
  private static DoubleVector sinShifted(DoubleVector t, DoubleVector err, double o) {
    DoubleVector jr = o == 0 ? t.fma(t.broadcast(INV_PI), t.broadcast(ROUND_D))
        : t.fma(t.broadcast(INV_PI), t.broadcast(o)).add(ROUND_D);
    DoubleVector m = o == 0 ? jr.sub(ROUND_D) : jr.sub(ROUND_D).sub(o);
    DoubleVector r = m.fma(t.broadcast(-PI_1), t);
    r = m.fma(t.broadcast(-PI_2), r).add(m.fma(t.broadcast(-PI_2T), err));
    DoubleVector r2 = r.mul(r);
    DoubleVector s = r2.broadcast(S[S.length - 1]);
    for (int i = S.length - 2; i >= 0; i--) {
      s = s.fma(r2, r2.broadcast(S[i]));
    }
    s = s.mul(r2).fma(r, r); // r + r³·S
    LongVector sign = jr.reinterpretAsLongs().lanewise(LSHL, 63); // j's low bit: odd j negates
    return s.reinterpretAsLongs().lanewise(XOR, sign).reinterpretAsDoubles();
  }
}
