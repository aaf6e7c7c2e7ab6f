package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * tanhshrink and its derivative in pure float lanes (16 per vector), without the cancellation of {@code x − tanh x}:
 * {@code tanhshrink(x) = x³·G(|x|)} and {@code tanhshrink'(x) = tanh²x = x²·D(|x|)}, with
 * {@code G(a) = (a − tanh a)/a³} and {@code D(a) = (tanh a/a)²} smooth and even, each a degree-6 polynomial per
 * half-unit interval ({@link TanhshrinkTables}, 32 entries: a two-vector permute per coefficient). x³ and x² are
 * carried as float + float (fma), so only the polynomial (within 1.8·2⁻²⁴ of G or D, relative, as evaluated) and
 * the last product round: worst 2.27 ULP for f and for f' from the exact value over every 7th float of
 * [−16, 16]. Beyond |x| = 15.5, {@code x − tanh x} is {@code x − sign(x)} and {@code tanh²x} is 1 in float (their
 * distance is below 10⁻¹³ relative), which also gives ±∞ and 1 at ±∞; NaN propagates through t.
 *
 * <p>It replaced double lanes widened from float (a Taylor series and a vector-math exp for f, the vector-math
 * tanh squared for f'): see {@link org.actlab.core.kernel.simd.form.TanhshrinkForm} for the measured speeds.
 * Needs 16 float lanes ({@link #SUPPORTED}); other machines keep the widened double lanes.
 */
public final class VTanhshrinkFloat {

  /** The tables are two 16-lane vectors per coefficient. */
  public static final boolean SUPPORTED = LaneTables.SUPPORTED;

  /** (a + HALF_ROUND) − HALF_ROUND is a rounded to a multiple of 1/2: the ulp of 0x1.8p22 is 1/2. */
  private static final float HALF_ROUND = 0x1.8p22f;
  private static final int SIGN = Integer.MIN_VALUE;
  private static final int ONE_BITS = Float.floatToRawIntBits(1f);

  private static final int[] G = LaneTables.bits(TanhshrinkTables.G);
  private static final int[] D = LaneTables.bits(TanhshrinkTables.D);

  private VTanhshrinkFloat() {}

  /** {@code x³·G(|x|)} with x³ = c + ce exact to 2⁻⁴⁸ relative: {@code c·G + ce·G}, one rounding. */
  public static FloatVector tanhshrink(FloatVector x) {
    FloatVector a = x.abs();
    VectorMask<Float> far = a.compare(GT, TanhshrinkTables.END);
    FloatVector g = table(G, a.blend(TanhshrinkTables.END, far)); // NaN kept: GT is false
    FloatVector s = x.mul(x);
    FloatVector c = s.mul(x);
    FloatVector ce = x.fma(x.fma(x, s.neg()), s.fma(x, c.neg())); // x·(x² − s) + (s·x − c), both exact
    FloatVector oneSigned = x.reinterpretAsInts().and(SIGN).or(ONE_BITS).reinterpretAsFloats();
    return c.fma(g, ce.mul(g)).blend(x.sub(oneSigned), far);
  }

  /** {@code x²·D(|x|)} with x² = s + se exactly: {@code s·D + se·D}, one rounding; 1 beyond 15.5. */
  public static FloatVector tanhshrinkSlope(FloatVector x) {
    FloatVector a = x.abs();
    VectorMask<Float> far = a.compare(GT, TanhshrinkTables.END);
    FloatVector d = table(D, a.blend(TanhshrinkTables.END, far));
    FloatVector s = x.mul(x);
    FloatVector se = x.fma(x, s.neg());
    return s.fma(d, se.mul(d)).blend(1f, far);
  }

  /** The table's polynomial at a (0 ≤ a ≤ 15.5, or NaN): entry 2m for m = rint(2a)/2, in t = a − m (exact). */
  private static FloatVector table(int[] coefficients, FloatVector a) {
    FloatVector k = a.add(HALF_ROUND); // its low bits hold rint(2a), the entry (the ulp of k is 1/2)
    FloatVector m = k.sub(HALF_ROUND);
    return LaneTables.poly32(coefficients, TanhshrinkTables.DEGREE, LaneTables.entry(k), a.sub(m));
  }
}
