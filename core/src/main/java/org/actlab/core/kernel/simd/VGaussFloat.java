package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;

/**
 * Exact gelu and its derivative in pure float lanes (16 per vector), within 4 float ULP of the correctly rounded
 * result. With a = |x|: {@code Φ(−a) = e^{−a²/2}·H(a)}, and {@code gelu'(x) = e^{−a²/2}·B(a)} for x &lt; 0,
 * {@code 1 − e^{−a²/2}·B(a)} above, where {@code B(a) = H(a) − a/√(2π) = (a − r)·W(a)} vanishes at the root r of
 * gelu'. H and W are smooth; {@link GeluTables} holds one degree-7 polynomial of each per unit interval around
 * n = rint(a), n = 0..15, in {@code t = a − n} (exact by Sterbenz, so the variable adds no rounding), and each
 * lane picks its interval's coefficient with a 16-lane permute ({@code selectFrom}): no division, one polynomial.
 * (The first float version evaluated one polynomial in {@code (a − 3.5)/(a + 3.5)} over the whole range, with two
 * divisions and special polynomials near 0 and near the root where the mapped variable's rounding showed; it ran
 * at 610–770 forward and ~220 Melem/s backward, whose inlining it pushed past C2's node budget.) e^{−a²/2} is an
 * inline compensated exponential fused with its multiplicand ({@link #timesGauss}); {@code a − r} is
 * {@code (a − r_hi) − r_lo}, exact next to the root.
 *
 * <p>Branch-free: x is clamped to ±15 (±∞ then give x or −0.0, and 1 or −0.0 for f', as the reference), and a
 * subnormal result is rounded once from a normal intermediate (a float e^{−x²/2} would itself be subnormal below
 * −13.2 and its rounding multiplied by up to |x|/√(2π)). A branch to a short path for vectors with all |x| ≤ 13
 * (no clamp, no subnormal care) halved the speed on Gaussian data with σ = 3, where a few vectors take the long
 * path: C2 then compiles both, and the loop goes over its inlining budget (measured). NaN propagates (its lanes index table entry 0 and carry NaN
 * through t). Needs 16 float lanes ({@link #SUPPORTED}): {@link org.actlab.core.kernel.simd.form.GeluForm} uses
 * its double lanes on other machines.
 */
public final class VGaussFloat {

  /** The tables are one 16-lane vector per coefficient. */
  public static final boolean SUPPORTED = Lanes.F.length() == 16;

  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145751953125f; // 16 bits: n·LN2_HI and r below are exact
  private static final float LN2_LO = 1.42860677e-6f;
  private static final float ROUND_F = 0x1.8p23f;
  /** (eʳ − 1)/r = Σ rᵏ/(k+1)!, k = 0..6, |r| ≤ ln2/2: truncation below 2·10⁻⁹ relative to eʳ. */
  private static final float[] EXP_Q = {1f, 1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040};
  private static final int SCALED_ONE_BITS = Float.floatToRawIntBits(0x1p64f);
  /** x is clamped to ±15 (kept for {@code x − m}): beyond, gelu is x or −0.0 and gelu' 1 or −0.0 in float. */
  private static final float CLAMP = 15f;
  private static final int CLAMP_BITS = Float.floatToRawIntBits(CLAMP);

  private VGaussFloat() {}

  /**
   * x with |x| &gt; 15 replaced by ±15 (NaN kept) by a compare and a blend: {@code max/min} with Java's NaN and
   * −0.0 semantics cost 20% of the forward throughput here (measured).
   */
  private static FloatVector clamp(FloatVector x) {
    FloatVector c = x.reinterpretAsInts().and(Integer.MIN_VALUE).or(CLAMP_BITS).reinterpretAsFloats();
    return x.blend(c, x.abs().compare(GT, CLAMP));
  }

  /**
   * {@code c·e^{−x²/2}} for |x| ≤ 15 (NaN gives NaN): the exponent {@code −x²/2 = hi + lo} exactly ({@code −x/2}
   * is exact, then an fma), {@code n = rint(hi·log₂e)}, {@code r = (hi − n·ln2_hi) + (lo − n·ln2_lo)} (the first
   * difference exact), then {@code ((c + c·(r·q(r)))·2^{n+64})·2^{−64}}: n ≥ −162 here, so {@code 2^{n+64}} is a
   * normal float built in the exponent bits and that product is exact, and only the last one rounds, where the
   * result is subnormal. One rounding instead of rounding e, its correction and the product separately
   * (VExp.expNonPositive's reduction, made compensated and fused with the product); the 2⁶⁴ detour replaces
   * splitting 2ⁿ into two normal halves, four integer operations fewer.
   */
  private static FloatVector timesGauss(FloatVector c, FloatVector x) {
    FloatVector h = x.mul(-0.5f);
    FloatVector hi = x.mul(h);
    FloatVector lo = x.fma(h, hi.neg());
    FloatVector k = hi.fma(x.broadcast(LOG2E), x.broadcast(ROUND_F));
    FloatVector n = k.sub(ROUND_F);
    FloatVector r = n.fma(x.broadcast(-LN2_HI), hi).add(n.fma(x.broadcast(-LN2_LO), lo));
    FloatVector q = r.broadcast(EXP_Q[EXP_Q.length - 1]);
    for (int i = EXP_Q.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(EXP_Q[i]));
    }
    // k's low bits hold n (ROUND_F's own low 9 bits are zero), so k << 23 is n in the exponent field
    FloatVector scale = k.reinterpretAsInts().lanewise(LSHL, 23).add(SCALED_ONE_BITS).reinterpretAsFloats();
    return c.fma(r.mul(q), c).mul(scale).mul(0x1p-64f);
  }

  /** Each lane's interval n = rint(a) for 0 ≤ a ≤ 15 (exact), as a float: the tables' index. */
  private static FloatVector interval(FloatVector a) {
    return a.add(ROUND_F).sub(ROUND_F);
  }

  /** The polynomial of {@code table} for each lane's interval n, at t. */
  private static FloatVector poly(float[] table, FloatVector n, FloatVector t) {
    int top = GeluTables.DEGREE;
    FloatVector r = n.selectFrom(FloatVector.fromArray(Lanes.F, table, top * Lanes.F.length()));
    for (int k = top - 1; k >= 0; k--) {
      r = r.fma(t, n.selectFrom(FloatVector.fromArray(Lanes.F, table, k * Lanes.F.length())));
    }
    return r;
  }

  /** gelu(x) = x·Φ(x): {@code m = x·Φ(−a) = x·H(a)·e^{−x²/2}}, then m for x ≤ 0 (±0 keep their sign), x − m above. */
  public static FloatVector gelu(FloatVector x) {
    FloatVector xc = clamp(x);
    FloatVector a = xc.abs();
    FloatVector n = interval(a);
    FloatVector m = timesGauss(xc.mul(poly(GeluTables.H, n, a.sub(n))), xc);
    return x.sub(m).blend(m, x.compare(LE, 0f));
  }

  /** gelu'(x) = Φ(x) + x·φ(x): {@code m = e^{−x²/2}·(a − r)·W(a)}, then m for x &lt; 0 and 1 − m above. */
  public static FloatVector geluSlope(FloatVector x) {
    x = clamp(x);
    FloatVector a = x.abs();
    FloatVector n = interval(a);
    FloatVector b = a.sub(GeluTables.ROOT_HI).sub(GeluTables.ROOT_LO).mul(poly(GeluTables.W, n, a.sub(n)));
    FloatVector m = timesGauss(b, x);
    return x.broadcast(1f).sub(m).blend(m, x.compare(LT, 0f));
  }
}
