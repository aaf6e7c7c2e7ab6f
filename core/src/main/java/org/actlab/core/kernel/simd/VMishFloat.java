package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * mish and mish' in pure float lanes (16 per vector), within 4 float ULP of the correctly rounded result, from
 * {@link MishTables}. With a = |x|: {@code mish(x) = x·e^{−a}·S(a)} for x ≤ 0 and {@code x·T(a)} above;
 * {@code mish'(x) = e^{−a}·(a − r)·V(a)} for x ≤ 0 (r = 1.1924, the root of mish' at −r: the factor a − r, exact
 * near the root by Sterbenz, carries the cancellation that made the plain float formulas reach far beyond 4 ULP
 * there) and {@code mish'(a)} itself above. The x &gt; 0 sides are bounded and need no exponential. Each pair of
 * sides is one 32-entry table (20 intervals of the x ≤ 0 side, then 12), a degree-7 polynomial per unit interval
 * around n = rint(a) in the exact {@code t = a − n}; one two-vector permute per coefficient. Beyond the tables
 * (a ≥ 19.5 and a ≥ 11.5) S, T and mish'(a) are 1 and {@code (a − r)·V(a)} is {@code 1 − a}, within 0.1 of 2⁻²⁴.
 * The exponential is fused with its multiplicand ({@link VExpProduct#timesExp}), so subnormal results are rounded
 * once; a is clamped to 110 (±∞ give ∞ and −0.0, 1 and −0.0, as the reference), NaN propagates. Branch-free, one
 * exponential each: a second one in mish' (for a first-order tail term, when its table ended at 15.5) put the loop
 * over C2's inlining budget, boxing its vectors (180 Melem/s).
 */
public final class VMishFloat {

  /** The tables are two 16-lane vectors per coefficient. */
  public static final boolean SUPPORTED = LaneTables.SUPPORTED;

  /** e^{−110}·110 is below half the smallest subnormal: mish is −0.0 and mish' −0.0 in float beyond −110. */
  private static final float CLAMP = 110f;

  private VMishFloat() {}

  // mish and mishSlope repeat their first six lines on purpose: with those lines and the table lookup in a shared
  // helper, C2 compiled the helper on its own first, then refused to inline it into the loops ("already compiled
  // into a big method") and boxed every vector: 190 instead of 1,000 Melem/s (measured).

  /** mish(x), see the class comment. */
  public static FloatVector mish(FloatVector x) {
    FloatVector a = clamp(x.abs());
    VectorMask<Float> positive = x.compare(GT, 0f);
    FloatVector end = end(a, positive);
    VectorMask<Float> beyond = a.compare(GE, end);
    FloatVector n = LaneTables.nearest(a.blend(end.sub(0.5f), beyond));
    FloatVector entry = n.blend(n.add(MishTables.POSITIVE), positive);
    FloatVector p = LaneTables.poly32(MishTables.VALUE, MishTables.DEGREE, entry, a.sub(n)).blend(1f, beyond);
    FloatVector negative = VExpProduct.timesExp(a.neg().mul(p), a.neg(), a.broadcast(0f));
    return negative.blend(x.mul(p), positive);
  }

  /** mish'(x), see the class comment. */
  public static FloatVector mishSlope(FloatVector x) {
    FloatVector a = clamp(x.abs());
    VectorMask<Float> positive = x.compare(GT, 0f);
    FloatVector end = end(a, positive);
    VectorMask<Float> beyond = a.compare(GE, end);
    FloatVector n = LaneTables.nearest(a.blend(end.sub(0.5f), beyond));
    FloatVector entry = n.blend(n.add(MishTables.POSITIVE), positive);
    FloatVector p = LaneTables.poly32(MishTables.SLOPE, MishTables.DEGREE, entry, a.sub(n));
    FloatVector k = a.sub(MishTables.ROOT_HI).sub(MishTables.ROOT_LO).mul(p).blend(a.broadcast(1f).sub(a), beyond);
    FloatVector negative = VExpProduct.timesExp(k, a.neg(), a.broadcast(0f));
    return negative.blend(p.blend(1f, beyond), positive);
  }

  /** min(a, 110) with NaN kept. */
  private static FloatVector clamp(FloatVector a) {
    return a.blend(CLAMP, a.compare(GT, CLAMP));
  }

  /** Where each lane's side of the table ends. */
  private static FloatVector end(FloatVector a, VectorMask<Float> positive) {
    return a.broadcast(MishTables.NEGATIVE_END).blend(MishTables.POSITIVE_END, positive);
  }
}
