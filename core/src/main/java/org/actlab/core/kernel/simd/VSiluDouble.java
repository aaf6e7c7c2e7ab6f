package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * silu, and the gate slope of silu, swish and quick_gelu, in double lanes with the inline exponential
 * ({@link VExpInline#scaledFull}), branch-free: the double twin of {@link VSiluFloat}. e = e^{−|t|} is kept scaled
 * by 2¹²⁸ through the x &lt; 0 quotient, so a subnormal result rounds once, from a normal one; |t| is clamped to
 * 760, beyond which the x &lt; 0 results are ±0 and the others saturate. This replaces the vector-math exp, whose
 * call preserves no vector register (every live vector spills around it), and the {@code anyTrue} test for
 * arguments below −700, which the JIT keeps as a branch late in long runs ({@link VExp#expNonPositive} says why);
 * the silu-family backward then went over C2's node budget and boxed every vector.
 */
public final class VSiluDouble {

  private static final double CLAMP = -VExpInline.SCALED_FLOOR;
  private static final DoubleVector ONE = DoubleVector.broadcast(Lanes.D, 1.0);

  private VSiluDouble() {}

  /** silu(x) = x·σ(x): {@link #gate} with an exact argument. */
  public static DoubleVector silu(DoubleVector x) {
    return gate(x, x, null);
  }

  /**
   * {@code x·σ(t + err)} (Gates.gate; err null when t is exact, and then x = t): {@code x/(1 + e)} for t ≥ 0,
   * {@code x·e/(1 + e)} below, with e = e^{−|t|}(1 ∓ err) (σ(t + err) to first order in err, as the reference's
   * correction {@code err·σ(−t)}). For t &lt; 0 the multiplier must be finite and small enough that x·e^{−760}
   * still rounds to ±0 (silu's is t clamped to −760; callers with err clamp x), the limit the lane then takes.
   */
  public static DoubleVector gate(DoubleVector x, DoubleVector t, DoubleVector err) {
    VectorMask<Double> negative = t.compare(LT, 0.0);
    DoubleVector m = t.abs();
    VectorMask<Double> far = m.compare(GT, CLAMP);
    DoubleVector a = m.blend(CLAMP, far).neg(); // −min(|t|, 760), NaN kept
    DoubleVector scaled = VExpInline.scaledFull(a);
    if (err != null) {
      DoubleVector small = err.blend(0.0, far); // NaN at t = ±∞, and not small where |t| is huge
      scaled = scaled.fma(small.neg().blend(small, negative), scaled);
    }
    DoubleVector d = scaled.fma(x.broadcast(VExpInline.UNSCALE), ONE);
    DoubleVector below = err == null ? a : x;
    return x.blend(below.mul(scaled), negative).div(d).mul(ONE.blend(VExpInline.UNSCALE, negative));
  }

  /**
   * {@code d/dv [v·σ(v)]} at {@code v = t + err} (Gates.gateSlope; err null when t is exact), away from the root
   * of silu' (a root series takes those lanes, {@link RootSeriesForm}): {@code (1 + e(1 + v))/(1+e)²} for t ≥ 0
   * and {@code e((1 + t + e) + err)/(1+e)²} below, e = e^{−|t|}(1 ∓ err), 1 + t exact near the root, the square
   * as {@code fma(d, d, 2d·dLo)} with d = 1 + e and its exact remainder dLo (the reference's overSquare).
   */
  public static DoubleVector slope(DoubleVector t, DoubleVector err) {
    VectorMask<Double> negative = t.compare(LT, 0.0);
    DoubleVector m = t.abs();
    VectorMask<Double> far = m.compare(GT, CLAMP);
    m = m.blend(CLAMP, far); // NaN kept
    DoubleVector a = m.neg();
    DoubleVector scaled = VExpInline.scaledFull(a);
    DoubleVector onePlusT = m.blend(a, negative).add(1.0); // t clamped to [−760, 760]
    DoubleVector below = onePlusT;
    DoubleVector bracket = onePlusT;
    if (err != null) {
      err = err.blend(0.0, far); // NaN at t = ±∞, and not small next to 1 where |t| is huge: the limits need none
      scaled = scaled.fma(err.neg().blend(err, negative), scaled); // e^{−|t + err|} = e^{−|t|}(1 ∓ err)
      bracket = onePlusT.add(err);
    }
    DoubleVector e = scaled.mul(VExpInline.UNSCALE);
    below = below.add(e);
    if (err != null) {
      below = below.add(err);
    }
    DoubleVector d = e.add(1.0);
    DoubleVector dLo = ONE.sub(d).add(e); // exact: e ≤ 1
    DoubleVector num = e.fma(bracket, ONE).blend(scaled.mul(below), negative);
    return num.div(d.fma(d, d.mul(dLo).mul(2.0))).mul(ONE.blend(VExpInline.UNSCALE, negative));
  }
}
