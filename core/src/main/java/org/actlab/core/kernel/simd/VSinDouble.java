package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.XOR;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.math.QuarterPi;
import org.actlab.core.math.RootSeries;

/**
 * {@code sin(t + err + o·π)} in double lanes to double accuracy, written out instead of the vector-math calls
 * (each spills every live vector). {@code t + err + o·π = j·π + r}, reduced as the scalar references reduce
 * ({@link QuarterPi#reduce}: m = 4(j − o) times the four words of π/4, the first two exact products, every sum a
 * two-sum, err added exactly; its own rounding, in a first version, was 100 ULP of a result next to a zero), into
 * r = r_hi + r_lo with π known to about 2⁻¹⁶⁸. Then {@code sin r = r_hi + (r_hi³·S(r_hi²) + r_lo·cos r_hi)}, S
 * the Taylor polynomial to r²¹/21! (truncated below 2·10⁻¹⁸ on |r| ≤ 1.6), cos to its r⁴ term (enough for r_lo),
 * and the sign from j's low bit. Valid for |t| &lt; {@link #LIMIT}, as the references' reduction; the caller
 * takes the angle-sum path, as they do, in the lanes {@link #far} marks.
 */
public final class VSinDouble {

  /** As {@link QuarterPi#LIMIT}: |4j| stays below 2²³, so that its products with the 30-bit words are exact. */
  public static final double LIMIT = QuarterPi.LIMIT;

  private static final double INV_PI = 0.3183098861837907;
  private static final double ROUND_D = 0x1.8p52; // (y + ROUND_D) − ROUND_D = rint(y); the low bits of the sum hold y
  /** (−1)ᵏ/(2k+1)!, k = 1..10: sin r = r + r³·S(r²). */
  private static final double[] S = {-1.0 / 6, 1.0 / 120, -1.0 / 5040, 1.0 / 362880, -1.0 / 39916800,
      1.0 / 6227020800.0, -1.0 / 1307674368000.0, 1.0 / 355687428096000.0, -1.0 / 121645100408832000.0,
      1.0 / 51090942171709440000.0};

  private VSinDouble() {}

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

  private static DoubleVector sinShifted(DoubleVector t, DoubleVector err, double o) {
    DoubleVector jr = o == 0 ? t.fma(t.broadcast(INV_PI), t.broadcast(ROUND_D))
        : t.fma(t.broadcast(INV_PI), t.broadcast(o)).add(ROUND_D);
    DoubleVector m = (o == 0 ? jr.sub(ROUND_D) : jr.sub(ROUND_D).sub(o)).mul(4.0); // in quarters of π
    DoubleVector p1 = m.mul(RootSeries.PI4_1); // exact
    DoubleVector s1 = t.sub(p1);
    DoubleVector p2 = m.mul(RootSeries.PI4_2); // exact
    DoubleVector w1 = s1.sub(p2);
    DoubleVector p3 = m.mul(RootSeries.PI4_3);
    DoubleVector a = w1.add(err); // w1, err and p3 may cancel to far below their own size: two-sums
    DoubleVector b = a.sub(p3);
    DoubleVector lo = VRoots.twoSumErr(a, p3.neg(), b).add(VRoots.twoSumErr(w1, err, a))
        .add(VRoots.twoSumErr(t, p1.neg(), s1).add(VRoots.twoSumErr(s1, p2.neg(), w1)))
        .sub(m.fma(t.broadcast(RootSeries.PI4_3), p3.neg())).sub(m.mul(RootSeries.PI4_4));
    DoubleVector hi = b.add(lo);
    lo = VRoots.twoSumErr(b, lo, hi); // at most ulp(hi)/2
    DoubleVector r2 = hi.mul(hi);
    DoubleVector s = r2.broadcast(S[S.length - 1]);
    for (int i = S.length - 2; i >= 0; i--) {
      s = s.fma(r2, r2.broadcast(S[i]));
    }
    DoubleVector cos = r2.fma(r2.broadcast(1.0 / 24), r2.broadcast(-0.5)).fma(r2, r2.broadcast(1.0)); // roughly
    DoubleVector sum = hi.add(hi.mul(r2).fma(s, lo.mul(cos)));
    LongVector sign = jr.reinterpretAsLongs().lanewise(LSHL, 63); // j's low bit: odd j negates
    return sum.reinterpretAsLongs().lanewise(XOR, sign).reinterpretAsDoubles();
  }
}
