package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * silu and silu' in float lanes with an inline exponential, branch-free (see {@link VExp#expNonPositive} for why
 * branch-free). e = e^{−|x|} is kept scaled, {@code e·2⁶⁴ = (1 + ρ)·2^{n+64}}, which is normal for every
 * |x| ≤ 110 (|x| is clamped there: e^{−110}·110 is below half the smallest subnormal, so both functions are
 * −0.0 below −110 and the other side saturates). The x &lt; 0 results are formed from the scaled e and multiplied
 * by 2⁻⁶⁴ last, so a subnormal result is rounded once, from a normal quotient. This replaced a second evaluation
 * path for x &lt; −80, {@code (x·h)·h} with h = e^{x/2}, blended in by lane: the same results where they are normal
 * (the scalings by powers of two are exact; every float in [−60, 120] gave the same worst errors), closer ones
 * below (every float in [−130, −60]: worst 1.85 and 1.22 ULP for silu and silu', against 3.22 and 3.34), and six
 * to nine fewer vector operations (three alternating bench runs at 1M floats: forward 1,738–1,915 → 1,822–2,209
 * Melem/s, backward 1,018–1,237 → 1,088–1,350, within this machine's run-to-run noise).
 */
public final class VSiluFloat {

  /** e^{−110}·110 is below half the smallest subnormal (and e^{−110} below the smallest): see the class comment. */
  private static final float CLAMP = 110f;
  private static final float DOWN = 0x1p-64f;
  private static final FloatVector ONE = FloatVector.broadcast(Lanes.F, 1f);
  private static final int[] R = LaneTables.bits(SiluTables.R);
  private static final FloatVector DOWN_V = FloatVector.broadcast(Lanes.F, DOWN);

  private VSiluFloat() {}

  /** silu(x) = x·σ(x): {@code x/(1 + e)} for x ≥ 0, {@code x·e/(1 + e)} below. */
  public static FloatVector silu(FloatVector x) {
    return gate(x, x, null);
  }

  /**
   * quick_gelu(x) = x·σ(t), t = 1.702x carried as {@code tHi + tLo} (the exponential amplifies the rounding of a
   * plain float product by up to |t|). x must be clamped to ≥ −110 and t computed from x clamped to [−110, 110]
   * (see {@link org.actlab.core.kernel.simd.form.QuickGeluForm}).
   */
  public static FloatVector quickGelu(FloatVector x, FloatVector tHi, FloatVector tLo) {
    return gate(x, tHi, tLo);
  }

  /**
   * {@code x·σ(t + tLo)} (tLo null: t = x): {@code x/(1 + e)} for t ≥ 0, {@code x·e/(1 + e)} below, e = e^{−|t + tLo|}.
   * For t &lt; 0 the multiplier is −|t| clamped (silu, where it is x) or x itself, which the caller has clamped.
   */
  private static FloatVector gate(FloatVector x, FloatVector t, FloatVector tLo) {
    VectorMask<Float> negative = t.compare(LT, 0f);
    FloatVector m = t.abs();
    FloatVector a = m.blend(CLAMP, m.compare(GT, CLAMP)).neg(); // −min(|t|, 110), NaN kept; a = t below 0
    FloatVector k = a.fma(a.broadcast(VExp.LOG2E), a.broadcast(VExp.ROUND_F));
    FloatVector up = VExp.pow2Up64(k);
    FloatVector aLo = tLo == null ? null : tLo.neg().blend(tLo, negative); // the low part of a = −|t|
    FloatVector scaled = rho(a, k, aLo).fma(up, up); // e·2⁶⁴
    FloatVector below = tLo == null ? a : x;
    return x.blend(below.mul(scaled), negative).div(scaled.fma(DOWN_V, ONE)).mul(ONE.blend(DOWN, negative));
  }

  /**
   * silu' in float lanes, the reference's branches with e = e^{−|x|}: {@code (1 + e(1+x))/(1+e)²} for x ≥ 0 (all
   * terms positive) and {@code e·B/(1+e)²}, {@code B = 1 + x + e}, for x &lt; 0, the square as {@code e(e+2) + 1},
   * one division for both. For x &lt; 0 the exponential stays split as {@code e = 2ⁿ(1 + ρ)}, ρ = r·q(r): B is
   * {@code 2ⁿ·ρ + ((1 + x) + 2ⁿ)} and e·B is {@code 2ⁿ·(B + ρ·B)}, so e's own rounding enters neither (with e rounded
   * first, the product reached 4.2 ULP at x = −0.8453, where every intermediate sits at the bottom of its binade and
   * the result at the top of its). Near the root r the float B cancels, so for |x − r| &lt; 0.43 it is
   * {@code δ + δ·R(δ)}, δ = x − r, R fitted ({@link SiluTables}): δ exact, the rounding only in the small part.
   * Written as one method of under 325 bytecodes, C2's limit for inlining a hot method without the directive
   * ({@link JitInlining}); a helper called late in it is what C2 leaves out once over its node budget.
   */
  public static FloatVector slope(FloatVector t) {
    VectorMask<Float> negative = t.compare(LT, 0f);
    FloatVector m = t.abs();
    m = m.blend(CLAMP, m.compare(GT, CLAMP)); // NaN kept
    FloatVector a = m.neg();
    FloatVector k = a.fma(a.broadcast(VExp.LOG2E), a.broadcast(VExp.ROUND_F));
    FloatVector rho = rho(a, k, null);
    FloatVector up = VExp.pow2Up64(k);
    FloatVector e = rho.fma(up, up).mul(DOWN);
    FloatVector two = up.mul(DOWN); // 2ⁿ; 0 or subnormal only where e is negligible next to 1 + t
    FloatVector onePlusT = m.blend(a, negative).add(1f); // t clamped to [−110, 110]
    FloatVector delta = t.sub(SiluTables.ROOT_HI).sub(SiluTables.ROOT_LO);
    FloatVector q = delta.broadcast(Float.intBitsToFloat(R[SiluTables.DEGREE]));
    for (int i = SiluTables.DEGREE - 1; i >= 0; i--) {
      q = q.fma(delta, delta.broadcast(Float.intBitsToFloat(R[i])));
    }
    FloatVector bracket = two.fma(rho, onePlusT.add(two))
        .blend(delta.fma(q, delta), delta.abs().compare(LT, SiluTables.WINDOW));
    FloatVector scaledNeg = rho.fma(bracket, bracket).mul(up); // e·B·2⁶⁴
    return e.fma(onePlusT, ONE).blend(scaledNeg, negative).div(e.fma(e.add(2f), ONE))
        .mul(ONE.blend(DOWN, negative));
  }

  /**
   * {@code ρ = eʳ − 1 ≈ r·q(r)} for the reduced argument of {@code a + aLo} (aLo null: 0), given k from the rounding
   * step: {@code r = (a − n·ln2_hi) + (aLo − n·ln2_lo)}, the first difference exact (VExp.EXP_Q).
   */
  private static FloatVector rho(FloatVector a, FloatVector k, FloatVector aLo) {
    FloatVector n = k.sub(VExp.ROUND_F);
    FloatVector r = n.fma(a.broadcast(-VExp.LN2_HI), a);
    r = aLo == null ? n.fma(a.broadcast(-VExp.LN2_LO), r) : r.add(n.fma(a.broadcast(-VExp.LN2_LO), aLo));
    FloatVector q = r.broadcast(Float.intBitsToFloat(VExp.EXP_Q_BITS[VExp.EXP_Q_BITS.length - 1]));
    for (int i = VExp.EXP_Q_BITS.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(Float.intBitsToFloat(VExp.EXP_Q_BITS[i])));
    }
    return r.mul(q);
  }
}
