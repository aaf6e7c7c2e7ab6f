package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NEG;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

/**
 * Exact gelu and its derivative in pure float lanes (16 per vector), within 4 float ULP of the correctly rounded
 * result: {@code Φ(−|x|) = e^{−x²/2}·H(|x|)}, e by the inline {@link VExp#expNonPositive} with the rounding of x²
 * applied to first order ({@code k = −fma(x, x, −x²)/2}, so {@code e^{−x²/2} ≈ e·(1 + k)}), and
 * {@code H(a) = Φ(−a)·e^{a²/2} = G(y)/(1 + 1.25a)}, {@code y = (a − 3.5)/(a + 3.5)}: G is nearly constant (0.5 at
 * 0, 0.57 at 3.5, 0.499 at ∞), so a degree-10 polynomial with float coefficients holds it to 0.14·2⁻²⁴ relative on
 * [0, 15] (the map {@code (a−c)/(a+c)} after N. Juffa's float erfc). Working in x rather than u = x/√2 avoids u's
 * rounding, which erfc would amplify by 2u². Near a = 0 the roundings of y cost up to 3 ULP of H, so two more
 * polynomials take over there: {@code Φ(x) = 1/2 + x·P(x²)} for |x| &lt; 0.75 (gelu), and for gelu' on
 * [−2.5, 0), which holds its root r = −0.7518 where {@code Φ + x·φ} cancels, {@code f' = t·V(t)·e^{−x²/2}} with
 * t = x − r (x − r_hi exact by Sterbenz near r) and V = f'·e^{x²/2}/t, which stays within [0.52, 0.75] there
 * (degree 12, fitted on [−2.5, 0.75], 0.22·2⁻²⁴ relative; on [0, 0.75) the rounding of t cost 4 ULP, while
 * {@code 1 + e·(x/√(2π) − H)} halves H's error). Elsewhere {@code f' = e·(H + x/√(2π))} for x &lt; 0 (no bad cancellation
 * below −2.5) and {@code 1 + e·(x/√(2π) − H)} above. All fits: weighted least squares against mpmath (30 digits),
 * coefficients rounded to float one at a time with the later ones refitted.
 *
 * <p>Branch-free: x is clamped to ±15 (±∞ then give x or −0.0, and 1 or −0.0 for f', as the reference), and the
 * exponential's scale is applied in two halves so that a subnormal result is rounded from a normal intermediate
 * (error below one unit of the smallest subnormal; a float e^{−x²/2} would itself be subnormal below −13.2 and
 * its rounding multiplied by up to |x|/√(2π)). A rare-path call to widened double code behind
 * {@code anyTrue} halved the forward throughput even when taken only for 0.05% of the vectors (measured), so there
 * is none. NaN propagates through every branch.
 */
public final class VGaussFloat {

  /** G(y) = (1 + 1.25a)·Φ(−a)·e^{a²/2} at y = (a − 3.5)/(a + 3.5), lowest degree first. */
  private static final float[] G = {0.5716052055358887f, -0.07535579055547714f, -0.030480341985821724f,
      0.06296907365322113f, -0.04258744791150093f, 0.013369707390666008f, 0.0006882223533466458f,
      -0.0018888013437390327f, 9.73068454186432e-05f, 0.0002670995017979294f, 3.833978553302586e-05f};
  /** P(s) = (Φ(√s) − 1/2)/√s on s ∈ [0, 0.5625], lowest degree first (0.48·2⁻²⁴: the rounding of 1/√(2π)). */
  private static final float[] P = {0.3989422917366028f, -0.06649133563041687f, 0.009986882098019123f,
      -0.0012528299121186137f, 0.00024718238273635507f, -0.00010198209929512814f};
  /** V(t) = gelu'(r + t)·e^{(r+t)²/2}/t for r + t ∈ [−2.5, 0.75], lowest degree first. */
  private static final float[] V = {0.5724061727523804f, 0.08475633710622787f, 0.03658173605799675f,
      0.014314059168100357f, 0.005163365043699741f, 0.0017371790017932653f, 0.0005523967556655407f,
      0.00016755146498326212f, 4.639559119823389e-05f, 1.156343387265224e-05f, 3.668811132229166e-06f,
      1.3385820238909218e-06f, 2.3641722179945646e-07f};
  /** G and P zero-padded at the top to the length of V and G, for the per-lane Horner. */
  private static final float[] G_PADDED = java.util.Arrays.copyOf(G, V.length);
  private static final float[] P_PADDED = java.util.Arrays.copyOf(P, G.length);
  /** The root of gelu', −0.75179152469356445746 (mpmath), as float + float. */
  private static final float ROOT_HI = -0.7517915368080139f;
  private static final float ROOT_LO = 1.211444945855772e-08f;
  private static final float SMALL = 0.75f;
  private static final float WINDOW_FROM = -2.5f;
  private static final float INV_SQRT_2PI = 0.3989422804014327f;
  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145751953125f; // 16 bits: n·LN2_HI and r below are exact
  private static final float LN2_LO = 1.42860677e-6f;
  private static final float ROUND_F = 0x1.8p23f;
  /** (eʳ − 1)/r = Σ rᵏ/(k+1)!, k = 0..6, |r| ≤ ln2/2: truncation below 2·10⁻⁹ relative to eʳ. */
  private static final float[] EXP_Q = {1f, 1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040};
  private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND_F);
  private static final int ONE_BITS = Float.floatToRawIntBits(1f);
  /** x is clamped to ±15 (kept for {@code x − m}): beyond, gelu is x or −0.0 and gelu' 1 or −0.0 in float. */
  private static final float CLAMP = 15f;
  private static final int CLAMP_BITS = Float.floatToRawIntBits(CLAMP);

  private VGaussFloat() {}

  /**
   * Horner with per-lane coefficients: {@code c} where {@code alt} is false, {@code d} where it is true (both the
   * same length, zero-padded at the top). One evaluation instead of two keeps the methods within C2's inlining node
   * budget (two Horner loops in geluSlope left the second one out of line, boxing its vectors).
   */
  private static FloatVector horner(float[] c, float[] d, VectorMask<Float> alt, FloatVector v) {
    int top = c.length - 1;
    FloatVector r = v.broadcast(c[top]).blend(d[top], alt);
    for (int k = top - 1; k >= 0; k--) {
      r = r.fma(v, v.broadcast(c[k]).blend(d[k], alt));
    }
    return r;
  }

  /**
   * x with |x| &gt; 15 replaced by ±15 (NaN kept) by a compare and a blend: {@code max/min} with Java's NaN and
   * −0.0 semantics cost 20% of the forward throughput here (measured).
   */
  private static FloatVector clamp(FloatVector x) {
    FloatVector c = x.reinterpretAsInts().and(Integer.MIN_VALUE).or(CLAMP_BITS).reinterpretAsFloats();
    return x.blend(c, x.abs().compare(GT, CLAMP));
  }

  /** y = (a − 3.5)/(a + 3.5), G's variable. */
  private static FloatVector mapped(FloatVector a) {
    return a.sub(3.5f).div(a.add(3.5f));
  }

  /**
   * {@code c·e^{−x²/2}} for |x| ≤ 15 (NaN gives NaN): the exponent {@code −x²/2 = hi + lo} exactly (fma),
   * {@code n = rint(hi·log₂e)}, {@code r = (hi − n·ln2_hi) + (lo − n·ln2_lo)} (the first difference exact), then
   * {@code (C + C·(r·q(r)))·2^{n−j}} with {@code C = c·2ʲ}, j = ⌊n/2⌋ (both powers normal for |x| ≤ 15, so C is
   * exact and the last product rounds only where the result is subnormal, which then loses at most one more
   * half-unit of the smallest subnormal): one rounding instead of rounding e, its correction and the product
   * separately (VExp.expNonPositive's reduction, made compensated and fused with the product).
   */
  private static FloatVector timesGauss(FloatVector c, FloatVector x) {
    FloatVector s = x.mul(x);
    FloatVector hi = s.mul(-0.5f);
    FloatVector lo = x.fma(x, s.neg()).mul(-0.5f);
    FloatVector k = hi.fma(x.broadcast(LOG2E), x.broadcast(ROUND_F));
    FloatVector n = k.sub(ROUND_F);
    FloatVector r = n.fma(x.broadcast(-LN2_HI), hi).add(n.fma(x.broadcast(-LN2_LO), lo));
    FloatVector q = r.broadcast(EXP_Q[EXP_Q.length - 1]);
    for (int i = EXP_Q.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(EXP_Q[i]));
    }
    IntVector n1 = k.reinterpretAsInts().sub(ROUND_BITS);
    IntVector n0 = n1.lanewise(ASHR, 1);
    FloatVector ct = c.mul(n0.lanewise(LSHL, 23).add(ONE_BITS).reinterpretAsFloats());
    FloatVector scale = n1.sub(n0).lanewise(LSHL, 23).add(ONE_BITS).reinterpretAsFloats();
    return ct.fma(r.mul(q), ct).mul(scale);
  }

  /**
   * gelu(x) = x·Φ(x): {@code m = x·Φ(−|x|) = x·H·e^{−x²/2}}, then m for x ≤ 0 (±0 keep their sign) and
   * {@code x − m} above; for |x| &lt; 0.75 {@code x·(1/2 + x·P(x²))}.
   */
  public static FloatVector gelu(FloatVector x) {
    FloatVector xc = clamp(x);
    FloatVector a = xc.abs();
    VectorMask<Float> small = a.compare(LT, SMALL);
    FloatVector poly = horner(G, P_PADDED, small, mapped(a).blend(x.mul(x), small));
    FloatVector m = timesGauss(xc.mul(poly).div(a.fma(1.25f, 1f)), xc);
    FloatVector near = x.mul(x.fma(poly, x.broadcast(0.5f)));
    return x.sub(m).blend(m, x.compare(LE, 0f)).blend(near, small);
  }

  /**
   * gelu'(x) = Φ(x) + x·φ(x) as {@code b·e^{−x²/2}}: in the root window {@code b = t·V(t)} as
   * {@code (x − r_hi)·V − r_lo·V}, else {@code x/√(2π) ± H}; plus 1 for x ≥ 0.
   */
  public static FloatVector geluSlope(FloatVector x) {
    x = clamp(x);
    FloatVector a = x.abs();
    FloatVector t = x.sub(ROOT_HI);
    VectorMask<Float> below = x.compare(LT, 0f);
    VectorMask<Float> window = below.and(x.compare(GE, WINDOW_FROM));
    FloatVector poly = horner(G_PADDED, V, window, mapped(a).blend(t.sub(ROOT_LO), window));
    FloatVector h = poly.div(a.fma(1.25f, 1f)).lanewise(NEG, x.compare(GE, 0f));
    FloatVector b = x.mul(INV_SQRT_2PI).add(h).blend(t.fma(poly, poly.mul(-ROOT_LO)), window);
    FloatVector m = timesGauss(b, x);
    return m.add(1f).blend(m, below);
  }
}
