package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
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
 * <p>Branch-free: |x| is clamped to 15 (±∞ then give x or −0.0, and 1 or −0.0 for f', as the reference), and a
 * subnormal result is rounded once from a normal intermediate (a float e^{−x²/2} would itself be subnormal below
 * −13.2 and its rounding multiplied by up to |x|/√(2π)). A branch to a short path for vectors with all |x| ≤ 13
 * (no clamp, no subnormal care) halved the speed on Gaussian data with σ = 3, where a few vectors take the long
 * path: C2 then compiles both, and the loop goes over its inlining budget (measured). NaN propagates (its lanes
 * pick some table entry and carry NaN through t). Needs 16 float lanes ({@link #SUPPORTED}):
 * {@link org.actlab.core.kernel.simd.form.GeluForm} uses its double lanes on other machines.
 */
public final class VGaussFloat {

  /** The tables are one 16-lane vector per coefficient. */
  public static final boolean SUPPORTED = LaneTables.SUPPORTED;

  /** |x| is clamped to 15: beyond, gelu is x or −0.0 and gelu' 1 or −0.0 in float. */
  private static final float CLAMP = 15f;

  private static final int[] H = LaneTables.bits(GeluTables.H);
  private static final int[] W = LaneTables.bits(GeluTables.W);

  private VGaussFloat() {}

  /** min(|x|, 15) with NaN kept, by a compare and a blend ({@code min} pays for Java's NaN and −0.0 rules). */
  private static FloatVector magnitude(FloatVector x) {
    FloatVector a = x.abs();
    return a.blend(CLAMP, a.compare(GT, CLAMP));
  }

  /** {@code c·e^{−x²/2}}: the exponent split exactly, {@code −x/2} exact, then an fma. */
  private static FloatVector timesGauss(FloatVector c, FloatVector x) {
    FloatVector h = x.mul(-0.5f);
    FloatVector hi = x.mul(h);
    return VExpProduct.timesExp(c, hi, x.fma(h, hi.neg()));
  }

  /**
   * gelu(x) = x·Φ(x): {@code g = a·Φ(−a) = a·H(a)·e^{−a²/2}}, then {@code −0.0 − g} for x &lt; 0 and x − g otherwise
   * (so ±0 keep their sign, +∞ stays +∞ and −∞ gives −0.0 as g underflows).
   */
  public static FloatVector gelu(FloatVector x) {
    FloatVector a = magnitude(x);
    FloatVector k = LaneTables.rounded(a);
    FloatVector n = LaneTables.unrounded(k);
    FloatVector g = timesGauss(a.mul(LaneTables.poly16(H, GeluTables.DEGREE, LaneTables.entry(k), a.sub(n))), a);
    return x.blend(-0f, x.compare(LT, 0f)).sub(g); // −0.0 − g: −0.0 where g underflows
  }

  /** gelu'(x) = Φ(x) + x·φ(x): {@code m = e^{−a²/2}·(a − r)·W(a)}, then m for x &lt; 0 and 1 − m above. */
  public static FloatVector geluSlope(FloatVector x) {
    FloatVector a = magnitude(x);
    FloatVector k = LaneTables.rounded(a);
    FloatVector n = LaneTables.unrounded(k);
    FloatVector w = LaneTables.poly16(W, GeluTables.DEGREE, LaneTables.entry(k), a.sub(n));
    FloatVector m = timesGauss(a.sub(GeluTables.ROOT_HI).sub(GeluTables.ROOT_LO).mul(w), a);
    return x.broadcast(1f).sub(m).blend(m, x.compare(LT, 0f));
  }
}
