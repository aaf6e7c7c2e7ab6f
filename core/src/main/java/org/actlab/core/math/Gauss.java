package org.actlab.core.math;

/**
 * The Gaussian tail as exact gelu needs it, to double precision: with a = |x|, {@code Φ(−a) = e^{−a²/2}·H(a)} and
 * {@code H(a) − a/√(2π) = (a − r)·W(a)}, r = 0.7518 the root of gelu' (so that gelu'(x) = e^{−a²/2}·(a − r)·W(a)
 * for x &lt; 0, 1 minus it above, with the cancellation at the root carried by the exact factor a − r). H and W
 * are smooth; {@link GaussTables} holds one polynomial of each per half binade of a, fitted by mpmath
 * ({@code tools/gelu_double_tables.py}), and {@link #timesGauss} is the exponential compensated for the rounding of
 * a² and fused with its multiplicand. Worst error of gelu and gelu' built on them, from mpmath over 200,000
 * doubles: 2.02 and 2.59 ULP. The erfc-based reference it replaced reached 4.43 ULP (gelu at x = −23.78, where
 * the rounding of −x/√2 went uncorrected into erfcx) and 4.10 (gelu' at −1.16, just outside the root series'
 * window, where Φ + x·φ still cancels twofold).
 *
 * <p>The double lanes ({@code kernel.simd.VGaussDouble}) compute the same operations in the same order, lane by
 * lane, from the same table bits ({@link #hBits} and the like), so the two agree to the bit.
 */
public final class Gauss {

  /** a is clamped here: beyond, gelu(−a) is below half the smallest subnormal, and gelu(a) is a. */
  public static final double CLAMP = GaussTables.CLAMP;
  /** The root of gelu'(−a), as double + double. */
  public static final double ROOT_HI = GaussTables.ROOT_HI;
  public static final double ROOT_LO = GaussTables.ROOT_LO;
  public static final int DEGREE_H = GaussTables.DEGREE_H;
  public static final int DEGREE_W = GaussTables.DEGREE_W;
  /** Entries per table row (one per half binade, 14 used). */
  public static final int ENTRIES = GaussTables.ENTRIES;
  /** {@code (bits(1/2) >>> 51) − 1}: the shifted bits of [3/8, 1/2), the floor of {@link #halfBinade}. */
  public static final long FIRST = (Double.doubleToRawLongBits(0.5) >>> 51) - 1;
  /** Half a half binade, in the mantissa: with a cut after one mantissa bit, the interval's centre. */
  public static final long HALF_STEP = 1L << 50;

  public static final double LOG2E = 1.4426950408889634;
  /** fdlibm's split of ln 2: the high part has 32 significant bits, so n·LN2_HI is exact for |n| &lt; 2²¹. */
  public static final double LN2_HI = 6.93147180369123816490e-01;
  public static final double LN2_LO = 1.90821492927058770002e-10;
  /** {@code (y + ROUND_D) − ROUND_D = rint(y)} for |y| &lt; 2⁵¹, and the sum's low bits hold it. */
  public static final double ROUND_D = 0x1.8p52;
  public static final long SCALED_ONE_BITS = Double.doubleToRawLongBits(0x1p128);

  private Gauss() {}

  /** {@code H(a) = Φ(−a)·e^{a²/2}} for 0 ≤ a ≤ {@link #CLAMP}. */
  public static double h(double a) {
    return poly(GaussTables.H, DEGREE_H, a);
  }

  /** {@code W(a) = (H(a) − a/√(2π))/(a − r)} for 0 ≤ a ≤ {@link #CLAMP}. */
  public static double w(double a) {
    return poly(GaussTables.W, DEGREE_W, a);
  }

  /**
   * a's bits shifted to its exponent and leading mantissa bit (its half binade), at least {@link #FIRST} (a below
   * 1/2 takes entry 0, centred at 7/16): minus FIRST, the table entry.
   */
  public static long halfBinade(double a) {
    return Math.max(Double.doubleToRawLongBits(a) >>> 51, FIRST);
  }

  /** The interval's centre, exact: the half binade's start plus half its width. */
  public static double centre(long halfBinade) {
    return Double.longBitsToDouble((halfBinade << 51) | HALF_STEP);
  }

  /**
   * The polynomial of a's entry at {@code t = a − c} (exact by Sterbenz, or rounded by at most 2⁻⁵⁵ below 7/32):
   * Horner with fma from 0 through the rows in table order, the constant's low part last, then the constant.
   * The entry wraps mod 16 as the lanes' permute does (only a NaN's is out of range).
   */
  private static double poly(double[] table, int degree, double a) {
    long half = halfBinade(a);
    int entry = (int) ((half - FIRST) & (ENTRIES - 1));
    double t = a - centre(half);
    double r = 0;
    for (int row = 0; row <= degree; row++) {
      r = Math.fma(r, t, table[ENTRIES * row + entry]);
    }
    return table[ENTRIES * (degree + 1) + entry] + r;
  }

  /**
   * {@code c·e^{−a²/2}} for 0 ≤ a ≤ {@link #CLAMP}: {@code −a/2} exact, {@code a·(−a/2) = hi + lo} split by fma,
   * {@code n = rint(hi·log₂e)}, {@code r = (hi − n·ln2_hi) + (lo − n·ln2_lo)} (the first difference exact),
   * {@code eʳ = 1 + r·Q(r)}, then {@code ((c + c·(r·Q))·2^{n+128})·2^{−128}} with the power of two built in the
   * exponent bits: only the last product rounds where the result is subnormal.
   */
  public static double timesGauss(double c, double a) {
    double h = a * -0.5;
    double hi = a * h;
    double lo = Math.fma(a, h, -hi);
    double k = Math.fma(hi, LOG2E, ROUND_D);
    double n = k - ROUND_D;
    double r = Math.fma(n, -LN2_HI, hi) + Math.fma(n, -LN2_LO, lo);
    double[] q = GaussTables.EXP_Q;
    double s = q[q.length - 1];
    for (int i = q.length - 2; i >= 0; i--) {
      s = Math.fma(s, r, q[i]);
    }
    // k's low bits hold n (ROUND_D's own low 51 bits are zero), so k << 52 is n in the exponent field
    double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(k) << 52) + SCALED_ONE_BITS);
    return Math.fma(c, r * s, c) * scale * 0x1p-128;
  }

  /** H's rows as the doubles' bits, in table order (for the double lanes). */
  public static long[] hBits() {
    return bits(GaussTables.H);
  }

  /** W's rows as the doubles' bits. */
  public static long[] wBits() {
    return bits(GaussTables.W);
  }

  /** The exponential's quotient Q, constant first, as bits. */
  public static long[] expQBits() {
    return bits(GaussTables.EXP_Q);
  }

  private static long[] bits(double[] table) {
    long[] b = new long[table.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Double.doubleToRawLongBits(table[i]);
    }
    return b;
  }
}
