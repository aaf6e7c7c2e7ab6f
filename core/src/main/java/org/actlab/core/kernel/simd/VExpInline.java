package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;

/**
 * {@code eᵃ} in double lanes, written out instead of the vector-math call ({@code lanewise(EXP)}), which spills
 * every live vector: for the widened lanes of float inputs ({@link VGauss}, quick_gelu's f'), where the formula
 * around it is short enough for C2 to inline whole.
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
   * {@code eᵃ} for −∞ ≤ a ≤ 700 (NaN gives NaN), to the truncation of {@code taylor}. n = rint(a·log₂e),
   * r = a − n·ln2 (one fma; |n| ≤ 1010 keeps its error near 10⁻¹³, and near 10⁻¹⁶ for small n), the Taylor sum,
   * times 2ⁿ built in the exponent bits (ROUND_D's low bits are zero, so k's hold n). Arguments below −700 are
   * clamped there (e⁻⁷⁰⁰ ≈ 10⁻³⁰⁴ already vanishes next to 1).
   */
  private static DoubleVector exp(DoubleVector a, double[] taylor) {
    DoubleVector c = a.blend(-700.0, a.compare(LT, -700.0));
    DoubleVector k = c.fma(c.broadcast(1.4426950408889634), c.broadcast(ROUND_D));
    DoubleVector n = k.sub(ROUND_D);
    DoubleVector r = n.fma(c.broadcast(-0.6931471805599453), c);
    DoubleVector q = r.broadcast(taylor[taylor.length - 1]);
    for (int i = taylor.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(taylor[i]));
    }
    DoubleVector two = k.reinterpretAsLongs().lanewise(LSHL, 52).add(ONE_BITS).reinterpretAsDoubles();
    return r.fma(q, ONE).mul(two);
  }
}
