package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.function.UnaryOperator;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Lane-wise stable pieces of the exponential- and logarithm-based forms: the vector twins of {@code Stable}'s and
 * {@code Gates}' scalar code (same branches as blends, same corrections, same limits). In double lanes, rare tails
 * (arguments below −700, where {@code e^t} is subnormal and products must be split as {@code (a·h)·h},
 * {@code h = e^{t/2}}) are computed only when a lane needs them ({@code anyTrue}). The float lanes are branch-free
 * instead: their exponential scales by 2^{n+64}·2^{−64} so that subnormal results round once (see
 * {@link #expNonPositive}; silu's float lanes, {@link VSiluFloat}, keep that scaled form through the quotient).
 */
public final class VExp {

  /** Beyond this |t| the gate is exactly 0 or 1 in double (Gates.SATURATED). */
  static final double SATURATED = 1e4;
  /** Below this t, e^t is subnormal or nearly so in double: products go through {@code (a·h)·h}. */
  static final double D_TAIL = -700;

  private static final FloatVector ONE = FloatVector.broadcast(Lanes.F, 1f);
  /** The float lanes filled from the upper double half in {@link #join}. */
  private static final VectorMask<Float> UPPER = Lanes.F.indexInRange(0, Lanes.D.length()).not();

  private VExp() {}

  /** {@code e^{−|x|}}: the one exp of sigmoid, softplus, logsigmoid and the gates; never overflows. */
  public static DoubleVector expNegAbs(DoubleVector x) {
    return x.abs().neg().lanewise(EXP);
  }

  /**
   * {@code σ(t)}, and exactly 1 where {@code t > oneAbove} (PyTorch's softplus threshold; +∞ for none), computed
   * so that the exponential's result is the only vector alive after the vector-math call. That call preserves no
   * vector register, and C2 spills what is live across it to a 64-byte stack slot that this JVM's 16-byte stack
   * alignment leaves split across two cache lines: with t kept for the sign's blend, sigmoid's double forward
   * measured 499–529 Melem/s against 698–867 this way (65,536 doubles, five alternating pairs of JVMs). So the
   * branch goes into the exponent: {@code E = e^{−t}}, floored at e⁻³⁸ (where 1/(1 + E) rounds to 1, as σ does
   * from t ≈ 37.4) and set to that floor above {@code oneAbove}; for t ≤ −39, {@code E = e^t}, which is σ(t) to
   * double precision (1 + e^t rounds to 1 there). The two ranges of E do not meet (E ≤ 1.2·10⁻¹⁷ against
   * E ≥ 3.1·10⁻¹⁷), so E alone says which result it gives. NaN stays NaN, σ(−∞) = 0, σ(+∞) = 1. Within 2.2 ULP of
   * mpmath over 80,000 random t in [−40, 40] (1/(1 + E) rounds twice where the sign branch's e/(1 + e) did too).
   */
  public static DoubleVector sigmoidExpOnly(DoubleVector t, double oneAbove) {
    DoubleVector m = t.neg();
    DoubleVector a = m.blend(-38.0, m.compare(LT, -38.0)).blend(t, t.compare(LE, -39.0))
        .blend(-38.0, t.compare(GT, oneAbove));
    DoubleVector e = a.lanewise(EXP);
    return e.broadcast(1.0).div(e.add(1.0)).blend(e, e.compare(LT, 2e-17));
  }

  /** {@code σ(x)} given {@code e = e^{−|x|}}: {@code 1/(1+e)} or {@code e/(1+e)} by sign (NaN gives NaN). */
  public static DoubleVector sigmoid(DoubleVector x, DoubleVector e) {
    return e.blend(1.0, x.compare(GE, 0)).div(e.add(1.0));
  }

  /** {@code σ'(x) = e/(1+e)²} given {@code e = e^{−|x|}}. */
  public static DoubleVector sigmoidSlope(DoubleVector e) {
    DoubleVector d = e.add(1.0);
    return e.div(d).div(d);
  }

  /** {@code sech²x = 4e/(1+e)²}, {@code e = e^{−2|x|}} (Stable.sech2: no {@code 1 − tanh²}). */
  public static DoubleVector sech2(DoubleVector x) {
    DoubleVector e = x.abs().mul(-2.0).lanewise(EXP);
    DoubleVector d = e.add(1.0);
    return e.mul(4.0).div(d).div(d);
  }

  /** {@code ln(1+e^x) = max(x,0) + log1p(e)} given {@code e = e^{−|x|}}; +∞ gives +∞, −∞ gives 0. */
  public static DoubleVector softplus(DoubleVector x, DoubleVector e) {
    return x.max(0.0).add(e.lanewise(LOG1P));
  }

  /** {@code ln σ(x) = min(x,0) − log1p(e)} given {@code e = e^{−|x|}}. */
  public static DoubleVector logSigmoid(DoubleVector x, DoubleVector e) {
    return x.min(0.0).sub(e.lanewise(LOG1P));
  }

  /** NaN lanes, as a plain comparison ({@code v != v}): {@code test(IS_NAN)} is not intrinsified (measured). */
  public static VectorMask<Double> isNaN(DoubleVector v) {
    return v.compare(VectorOperators.NE, v);
  }

  /** Lanes that are ±∞ or NaN, as a plain comparison ({@code !(|v| < ∞)}). */
  public static VectorMask<Double> notFinite(DoubleVector v) {
    return v.abs().compare(LT, Double.POSITIVE_INFINITY).not();
  }

  /** {@code 0.0} carrying the sign of {@code x} (copySign(0, x)), NaN for NaN. */
  public static DoubleVector signedZero(DoubleVector x) {
    return copySign(x.broadcast(0.0), x).blend(x, isNaN(x));
  }

  /** {@code |mag|} with the sign bit of {@code sign}, lane-wise (Math.copySign). */
  public static DoubleVector copySign(DoubleVector mag, DoubleVector sign) {
    long m = Long.MIN_VALUE;
    return mag.abs().reinterpretAsLongs().or(sign.reinterpretAsLongs().and(m)).reinterpretAsDoubles();
  }

  /**
   * Replaces lanes with {@code t < −700} by {@code a·e^t} computed as {@code (a·h)·h}, {@code h = e^{t/2}} (one
   * rounding where the result is subnormal: Gates.timesExp), and lanes with {@code t < −10⁴} by {@code atLimit}.
   * Costs an exp only if some lane is that far out.
   */
  public static DoubleVector tail(DoubleVector r, DoubleVector t, DoubleVector a, DoubleVector atLimit) {
    VectorMask<Double> m = t.compare(LT, D_TAIL);
    if (!m.anyTrue()) {
      return r;
    }
    DoubleVector h = t.mul(0.5).lanewise(EXP);
    DoubleVector v = a.mul(h).mul(h).blend(atLimit, t.compare(LT, -SATURATED));
    return r.blend(v, m);
  }

  /**
   * {@code x·σ(t + err)} (Gates.gate); {@code err} is the fma-recovered rounding error of the gate argument, or
   * null when the argument is exact (silu). Limits: x where the gate saturates at 1, ±0 (signed like x) at 0.
   */
  public static DoubleVector gate(DoubleVector x, DoubleVector t, DoubleVector err) {
    DoubleVector e = expNegAbs(t);
    DoubleVector d = e.add(1.0);
    DoubleVector y = x.mul(e.blend(1.0, t.compare(GE, 0)).div(d));
    DoubleVector a = x;
    if (err != null) {
      DoubleVector corr = y.mul(err.mul(e.blend(1.0, t.compare(LT, 0)).div(d))); // y·err·σ(−t)
      y = y.add(corr).blend(y, isNaN(corr)); // err is NaN only where t = ±∞: no correction there
      a = x.add(x.mul(err));
    }
    return tail(y, t, a, signedZero(x));
  }

  // ---------------------------------------------------------------------------------------------- float lanes

  /** {@code e^{−|x|}} in float lanes. */
  public static FloatVector expNegAbs(FloatVector x) {
    return x.abs().neg().lanewise(EXP);
  }

  static final float LOG2E = 1.44269504f;
  static final float LN2_HI = 0.693145751953125f; // 16 significant bits: n·LN2_HI is exact for |n| < 2⁸
  static final float LN2_LO = 1.42860677e-6f;
  static final float ROUND_F = 0x1.8p23f; // (y + ROUND_F) − ROUND_F = rint(y) for |y| < 2²²
  /**
   * (eʳ − 1)/r ≈ q(r) of degree 5 for |r| ≤ ln2/2, a relative least-squares fit of 1 + r·q to eʳ in float
   * coefficients (the Taylor terms, one degree higher, cost an fma more): 1 + r·q within 3.7·10⁻⁹ of eʳ, relative.
   */
  private static final float[] EXP_Q = {1.0f, 0.49999988079071045f, 0.166665181517601f, 0.04166965186595917f,
      0.008368956856429577f, 0.001374510582536459f};
  /**
   * EXP_Q's bits, which the float exponentials read ({@link #expNonPositive}, {@code VExpProduct.timesExp},
   * {@code VSiluFloat}): a float array's elements are reloaded and broadcast for every vector of a loop that
   * stores floats (C2 cannot tell them from the output), an int array's once, before the loop. Read through a
   * small helper method instead of inline, that helper was cut off in mish's loop at C2's node budget (a call per
   * coefficient: 228 instead of ~880 Melem/s with {@code -XX:PerMethodTrapLimit=0}).
   */
  static final int[] EXP_Q_BITS = LaneTables.bits(EXP_Q);

  /**
   * {@code eᵃ} for {@code a ≤ 0} in float lanes without a vector-math call (which spills every live vector): n =
   * rint(a·log₂e), r = a − n·ln2 (Cody–Waite, two fmas), {@code eʳ = 1 + r·q(r)} by Horner, then
   * {@code (eʳ·2^{n+64})·2^{−64}}: 2^{n+64} is a normal float built in the exponent bits, so only the last product
   * rounds, once, where the result is subnormal. About 1 ULP, as the library exp. a is clamped at −110, where e^a
   * is below half the smallest subnormal; NaN stays NaN (it reaches the fma through r).
   *
   * <p>Branch-free on purpose. It used to send vectors with a lane below −80 to the library exp behind an
   * {@code anyTrue} test, a branch C2 drops only while the compile's count of earlier deoptimizations (summed
   * over every inlined method, the JDK's vector classes included) stays under {@code PerMethodTrapLimit}. Late in
   * a long run it does not: C2 then compiles the library call in, and elu's backward ran 43% slower (measured with
   * {@code -XX:PerMethodTrapLimit=0}, which forces that case). The old branch also made a lane's result depend on
   * its neighbours in the vector.
   */
  public static FloatVector expNonPositive(FloatVector a) {
    FloatVector c = a.blend(-110f, a.compare(LT, -110f)); // max(a, −110), NaN kept
    FloatVector k = c.fma(c.broadcast(LOG2E), c.broadcast(ROUND_F));
    FloatVector n = k.sub(ROUND_F);
    FloatVector r = n.fma(c.broadcast(-LN2_LO), n.fma(c.broadcast(-LN2_HI), c));
    FloatVector q = r.broadcast(Float.intBitsToFloat(EXP_Q_BITS[EXP_Q_BITS.length - 1]));
    for (int i = EXP_Q_BITS.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(Float.intBitsToFloat(EXP_Q_BITS[i])));
    }
    return r.fma(q, ONE).mul(pow2Up64(k)).mul(0x1p-64f);
  }

  /** {@code 2^{n+64}} from {@code k = n + ROUND_F}, as {@link #pow2}, for −190 ≤ n ≤ 63. */
  static FloatVector pow2Up64(FloatVector k) {
    return k.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(0x5F800000).reinterpretAsFloats();
  }

  /**
   * {@code 2ⁿ} from {@code k = n + ROUND_F} (the rounding step's sum), for n in the normal range: k's low bits hold
   * n (ROUND_F's own low 9 bits are zero), so {@code k << 23} is n in the exponent field.
   */
  static FloatVector pow2(FloatVector k) {
    return k.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23).add(0x3F800000).reinterpretAsFloats();
  }

  /**
   * {@code eᵃ − 1} for {@code a ≤ 0} in float lanes without a vector-math call: a clamped at −80 (the float result
   * is −1 far above), the reduction of {@link #expNonPositive}, {@code eʳ − 1 = r·q(r)} (degree-7 Taylor quotient),
   * then {@code 2ⁿ·(eʳ − 1) + (2ⁿ − 1)} with one fma (2ⁿ − 1 is exact, and the two terms do not cancel badly:
   * |2ⁿ(eʳ − 1)| ≤ 0.21 for n ≤ −1). The constant is formed as {@code −(1 − 2ⁿ)} so that −0.0 gives −0.0; NaN stays
   * NaN (it reaches the fma through r).
   */
  public static FloatVector expm1NonPositive(FloatVector a) {
    FloatVector c = a.blend(-80f, a.compare(LT, -80f)); // max(a, −80), NaN kept: see minZero
    FloatVector k = c.fma(c.broadcast(LOG2E), c.broadcast(ROUND_F));
    FloatVector n = k.sub(ROUND_F);
    FloatVector r = n.fma(c.broadcast(-LN2_LO), n.fma(c.broadcast(-LN2_HI), c));
    FloatVector q = r.broadcast(Float.intBitsToFloat(EXPM1_Q[7]));
    for (int i = 6; i >= 0; i--) {
      q = q.fma(r, r.broadcast(Float.intBitsToFloat(EXPM1_Q[i])));
    }
    FloatVector two = pow2(k);
    return two.fma(r.mul(q), ONE.sub(two).neg());
  }

  /** {@code σ(x)} in float lanes given {@code e = e^{−|x|}}. */
  public static FloatVector sigmoid(FloatVector x, FloatVector e) {
    return e.blend(1f, x.compare(GE, 0)).div(e.add(1f));
  }

  /**
   * {@code Math.min(x, 0)} lane-wise (−0.0 and NaN kept) as one comparison and one blend: FloatVector.min pays for
   * Java's NaN and signed-zero rules with a longer instruction sequence, which cost elu about a fifth of its
   * forward throughput.
   */
  public static FloatVector minZero(FloatVector x) {
    return x.blend(0f, x.compare(VectorOperators.GT, 0f));
  }

  /** {@code Math.max(x, −0.0)} lane-wise (±0.0 and NaN kept), as {@link #minZero}. */
  public static FloatVector maxNegZero(FloatVector x) {
    return x.blend(-0f, x.compare(LT, 0f));
  }

  /** {@code |mag|} with the sign bit of {@code sign}, float lanes. */
  public static FloatVector copySign(FloatVector mag, FloatVector sign) {
    int m = Integer.MIN_VALUE;
    return mag.abs().reinterpretAsInts().or(sign.reinterpretAsInts().and(m)).reinterpretAsFloats();
  }



  /** expm1(r)/r = Σ rᵏ/(k+1)!, k = 0..7 ({@link #expm1NonPositive}): truncation below 10⁻⁹ relative for |r| ≤ ln2/2. */
  private static final int[] EXPM1_Q = LaneTables.bits(new float[] {1f, 1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720,
      1f / 5040, 1f / 40320}); // bits in an int array, as EXP_Q_BITS

  /** The lower ({@code part} 0) or upper (1) half of a float vector's lanes, widened to double lanes. */
  public static DoubleVector half(FloatVector x, int part) {
    return (DoubleVector) x.convertShape(F2D, Lanes.D, part);
  }

  /** Two double vectors rounded into one float vector (lanes of {@code lo} first). */
  public static FloatVector join(DoubleVector lo, DoubleVector hi) {
    FloatVector a = (FloatVector) lo.convertShape(D2F, Lanes.F, 0);
    FloatVector b = (FloatVector) hi.convertShape(D2F, Lanes.F, -1);
    return a.blend(b, UPPER);
  }

  /**
   * {@code σ'(x) = e/(1+e)²} in float lanes given {@code e = e^{−|x|}}, the square formed as {@code e(e+2) + 1}
   * with one fma (the rounding of {@code e + 2} is scaled by e; {@code (1+e)·(1+e)} would double the rounding
   * of {@code 1 + e}): within 2.5 ULP with the exp's own error.
   */
  public static FloatVector sigmoidSlope(FloatVector e) {
    return e.div(e.fma(e.add(2f), ONE));
  }

  /**
   * {@code σ(x)} in float lanes: {@code s/(1 + e)}, {@code e = e^{−|x|}}, s = 1 for x ≥ 0 and e below (no
   * cancellation, no overflow), with the inline {@link #expNonPositive}. The library exp (1/(1 + e^{−x}), 1.47 ULP)
   * spilled every live vector: 1,300 against 2,260 Melem/s at 1M floats, three runs each, same session. Measured
   * worst 1.49 ULP for x ≥ 0 and 2.34 for x &lt; 0 over every 29th float.
   */
  public static FloatVector sigmoidFloat(FloatVector x) {
    return sigmoid(x, expNonPositive(x.abs().neg()));
  }

  /**
   * {@code sech²x = 4e/(1+e)²}, {@code e = e^{−2|x|}} by {@link #expNonPositive}, in float lanes. For |x| &gt; 34.5
   * (e below 2⁻⁹⁹) the same exp takes −|x| instead and the lane is {@code (2h)·(2h)}, h = e^{−|x|}, rounded once
   * (4e would carry e's subnormal rounding). Branch-free, as {@link #expNonPositive}: with this tail behind an
   * {@code anyTrue} test, tanh's backward measured 1,285 instead of 2,205 Melem/s with
   * {@code -XX:PerMethodTrapLimit=0}.
   */
  public static FloatVector sech2(FloatVector x) {
    FloatVector ax = x.abs();
    VectorMask<Float> far = ax.compare(VectorOperators.GT, 34.5f);
    FloatVector e = expNonPositive(ax.mul(-2f).blend(ax.neg(), far));
    FloatVector h2 = e.mul(2f);
    return sigmoidSlope(e).mul(4f).blend(h2.mul(h2), far);
  }

  /**
   * A float vector computed through double lanes (both halves), rounded once: for parameter values at which a
   * form's float formula would not be accurate (a float beta·x loses the product's rounding, for instance).
   */
  public static FloatVector viaDouble(FloatVector x, UnaryOperator<DoubleVector> f) {
    return join(f.apply((DoubleVector) x.convertShape(F2D, Lanes.D, 0)),
        f.apply((DoubleVector) x.convertShape(F2D, Lanes.D, 1)));
  }

  /** {@code x > t} for float lanes with a double threshold, decided exactly as the double comparison would be. */
  public static VectorMask<Float> above(FloatVector x, double t) {
    float ft = (float) t;
    return ft > t ? x.compare(GE, ft) : x.compare(VectorOperators.GT, ft);
  }
}
