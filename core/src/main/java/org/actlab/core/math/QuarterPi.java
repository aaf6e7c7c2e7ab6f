package org.actlab.core.math;

/**
 * {@code sin(u + π/4)} with relative accuracy next to its zeros (u ≡ −π/4 mod π), for snake's
 * {@code f' = 1 + sin 2u = 2 sin²(u + π/4)}.
 *
 * <p>Carrying {@code u + π/4} as a double-double and calling {@code Math.sin} on the high part (snake's previous
 * form) leaves the rounding of the low part's sum, an absolute error of about ulp(u)·2^−53 in the sine: measured
 * up to 15.5 ULP of snake's f' at double neighbours of its roots (α = 3.7, x = 44058.5). Here u is reduced by
 * Cody–Waite, as fdlibm's {@code __ieee754_rem_pio2}: {@code w = u + π/4 − nπ = u − m·π/4} with m = 4n − 1 and a
 * four-word π/4 ({@link RootSeries#PI4_1}: 30 + 30 + 53 + 53 bits, so {@code m·PI4_1} and {@code m·PI4_2} are exact),
 * every sum a two-sum, so w is known to about 2^−100 relative even next to the zero; then
 * {@code sin w = sin(w_hi) + w_lo·cos(w_hi)}. Valid for |u| &lt; {@link #LIMIT}.
 */
public final class QuarterPi {

  /** |m| stays below 2^23 here, so the products with the 30-bit words are exact. */
  public static final double LIMIT = 0x1p22;

  private static final double INV_PI = 0.3183098861837907;

  private QuarterPi() {}

  /** {@code sin(u + uLo + π/4)} for |u| &lt; LIMIT, |uLo| ≤ ulp(u). */
  public static double sinPlusQuarterPi(double u, double uLo) {
    double n = Math.rint((u + RootSeries.PI4_1) * INV_PI); // the zero u + π/4 = nπ nearest to u
    double[] w = new double[2];
    reduce(u, uLo, 4 * n - 1, w);
    return Math.sin(w[0]) + w[1] * Math.cos(w[0]);
  }

  /**
   * {@code u + uLo − m·π/4} as a double-double {@code out[0] + out[1]}, for an integer |m| &lt; 2^23 and
   * |u| &lt; LIMIT: the Cody–Waite steps with every sum a two-sum.
   */
  public static void reduce(double u, double uLo, double m, double[] out) {
    double p1 = m * RootSeries.PI4_1; // exact
    double s = u - p1;
    double e0 = Stable.twoSumError(u, -p1, s);
    double p2 = m * RootSeries.PI4_2; // exact
    double w1 = s - p2;
    double e1 = Stable.twoSumError(s, -p2, w1);
    double p3 = m * RootSeries.PI4_3;
    double p3e = Math.fma(m, RootSeries.PI4_3, -p3);
    double a = w1 + uLo; // w1, uLo and p3 may cancel to far below their own size: two-sums, not plain sums
    double ea = Stable.twoSumError(w1, uLo, a);
    double b = a - p3;
    double eb = Stable.twoSumError(a, -p3, b);
    double lo = ((ea + eb) + (e0 + e1)) - p3e - m * RootSeries.PI4_4;
    out[0] = b + lo;
    out[1] = Stable.twoSumError(b, lo, out[0]);
  }
}
