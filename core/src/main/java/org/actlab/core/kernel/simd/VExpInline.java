package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;

/**
 * {@code eᵃ}, {@code eᵃ − 1}, tanh and sech² in double lanes, written out instead of the vector-math calls
 * ({@code lanewise(EXP)} and the like), which spill every live vector: for the widened lanes of float inputs
 * ({@link VGauss}'s gelu_tanh, quick_gelu's f', rectified_tanh, scaled_tanh, tanhexp's f'), where the formula
 * around them is short enough for C2 to inline whole.
 */
public final class VExpInline {

  /**
   * 1/(k+1)!, k = 0..11: e^r = 1 + r·Σ rᵏ/(k+1)!, truncated at r¹³/13! ≤ 2·10⁻¹⁶ relative for |r| ≤ ln2/2: full
   * double accuracy, for a derivative that cancels next to its root (with {@link #TAYLOR}, gelu_tanh' at the float
   * nearest its root, −0.75246143, came out 18.6 ULP off).
   */
  private static final double[] TAYLOR_FULL = {1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720,
      1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600};
  /** k = 0..7, truncated at r⁹/9! ≤ 2·10⁻¹⁰ relative: enough for a result rounded to float with no cancellation. */
  private static final double[] TAYLOR = Arrays.copyOf(TAYLOR_FULL, 8);
  private static final double ROUND_D = 0x1.8p52; // (y + ROUND_D) − ROUND_D = rint(y) for |y| < 2⁵¹
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  private static final DoubleVector ONE = DoubleVector.broadcast(Lanes.D, 1.0);

  private VExpInline() {}

  /** {@code eᵃ} to full double accuracy (about 10⁻¹⁶ relative for small |a|), for −∞ ≤ a ≤ 700. */
  public static DoubleVector full(DoubleVector a) {
    return exp(a, TAYLOR_FULL);
  }

  /** {@code eᵃ} to about 2·10⁻¹⁰ relative, for −∞ ≤ a ≤ 700: enough where the result is rounded to float. */
  public static DoubleVector forFloat(DoubleVector a) {
    return exp(a, TAYLOR);
  }

  /**
   * {@code eᵃ − 1} for −∞ ≤ a ≤ 0 (NaN gives NaN), to full double accuracy (TAYLOR_FULL), also for tiny |a| (where
   * {@code eᵃ − 1} formed from eᵃ would cancel): {@code (2ⁿ − 1) + 2ⁿ·r·q(r)}, the first term exact.
   */
  public static DoubleVector expm1Full(DoubleVector a) {
    return expm1(a, TAYLOR_FULL);
  }

  private static DoubleVector expm1(DoubleVector a, double[] taylor) {
    DoubleVector c = clamp(a);
    DoubleVector k = roundingStep(c);
    DoubleVector r = reduced(c, k);
    DoubleVector two = pow2(k);
    return two.sub(1.0).add(two.mul(r.mul(series(r, taylor))));
  }

  /** {@code tanh u = −E/(2 + E)} with the sign of u, {@code E = e^{−2|u|} − 1}: no cancellation for small |u|. */
  public static DoubleVector tanhForFloat(DoubleVector u) {
    return tanh(u, TAYLOR);
  }

  /** {@code sech² u = 4e/(1 + e)²}, {@code e = e^{−2|u|}} (no {@code 1 − tanh²}). */
  public static DoubleVector sech2ForFloat(DoubleVector u) {
    return sech2(u, TAYLOR);
  }

  private static DoubleVector tanh(DoubleVector u, double[] taylor) {
    DoubleVector m = expm1(u.abs().mul(-2.0), taylor);
    return VExp.copySign(m.neg().div(m.add(2.0)), u);
  }

  private static DoubleVector sech2(DoubleVector u, double[] taylor) {
    DoubleVector e = exp(u.abs().mul(-2.0), taylor);
    DoubleVector d = e.add(1.0);
    return e.mul(4.0).div(d.mul(d));
  }

  /**
   * {@code eᵃ} for −∞ ≤ a ≤ 700 (NaN gives NaN), to the truncation of {@code taylor}. n = rint(a·log₂e),
   * r = a − n·ln2 (one fma; |n| ≤ 1010 keeps its error near 10⁻¹³, and near 10⁻¹⁶ for small n), the Taylor sum,
   * times 2ⁿ built in the exponent bits (ROUND_D's low bits are zero, so k's hold n). Arguments below −700 are
   * clamped there (e⁻⁷⁰⁰ ≈ 10⁻³⁰⁴ already vanishes next to 1).
   */
  private static DoubleVector exp(DoubleVector a, double[] taylor) {
    DoubleVector c = clamp(a);
    DoubleVector k = roundingStep(c);
    DoubleVector r = reduced(c, k);
    return r.fma(series(r, taylor), ONE).mul(pow2(k));
  }

  /** {@link #scaledFull}'s factor: {@code eᵃ·2¹²⁸} is a normal double for every a ≥ {@link #SCALED_FLOOR}. */
  public static final double UNSCALE = 0x1p-128;
  /** e⁻⁷⁶⁰·760 is below half the smallest subnormal: a product with e^{−760} or less rounds to ±0. */
  public static final double SCALED_FLOOR = -760;
  private static final long SCALED_ONE_BITS = Double.doubleToRawLongBits(0x1p128);
  /** ln 2 split as in fdlibm: LN2_HI has 32 significant bits, so n·LN2_HI is exact for every n here. */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;

  /**
   * {@code eᵃ·2¹²⁸} for {@link #SCALED_FLOOR} ≤ a ≤ 0 (the caller clamps; NaN gives NaN), to full double accuracy:
   * r = (a − n·LN2_HI) − n·LN2_LO (the first difference exact, so r's error is its own rounding, not |n| ulps of
   * ln 2 as in {@link #full}), the Taylor sum, times {@code 2^{n+128}}, a normal double built in the exponent bits.
   * Kept scaled so that a caller forming a subnormal result from it rounds once, when it multiplies by
   * {@link #UNSCALE} last, instead of carrying e's own subnormal rounding.
   */
  public static DoubleVector scaledFull(DoubleVector a) {
    DoubleVector k = roundingStep(a);
    DoubleVector n = k.sub(ROUND_D);
    DoubleVector r = n.fma(a.broadcast(-LN2_LO), n.fma(a.broadcast(-LN2_HI), a));
    DoubleVector up = k.reinterpretAsLongs().lanewise(LSHL, 52).add(SCALED_ONE_BITS).reinterpretAsDoubles();
    return r.fma(series(r, TAYLOR_FULL), ONE).mul(up);
  }

  private static DoubleVector clamp(DoubleVector a) {
    return a.blend(-700.0, a.compare(LT, -700.0));
  }

  /** {@code k = n + ROUND_D}, n = rint(c·log₂e). */
  private static DoubleVector roundingStep(DoubleVector c) {
    return c.fma(c.broadcast(1.4426950408889634), c.broadcast(ROUND_D));
  }

  /** r = c − n·ln2. */
  private static DoubleVector reduced(DoubleVector c, DoubleVector k) {
    return k.sub(ROUND_D).fma(c.broadcast(-0.6931471805599453), c);
  }

  /** Σ rᵏ/(k+1)! to the truncation of {@code taylor}: eʳ = 1 + r·series. */
  private static DoubleVector series(DoubleVector r, double[] taylor) {
    DoubleVector q = r.broadcast(taylor[taylor.length - 1]);
    for (int i = taylor.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(taylor[i]));
    }
    return q;
  }

  /** 2ⁿ from k's low bits, in the exponent field. */
  private static DoubleVector pow2(DoubleVector k) {
    return k.reinterpretAsLongs().lanewise(LSHL, 52).add(ONE_BITS).reinterpretAsDoubles();
  }
}
