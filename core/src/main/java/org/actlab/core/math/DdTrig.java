package org.actlab.core.math;

/**
 * Sine and cosine of {@code u + uLo} as double-doubles (about 2^−100 relative), for |u| &lt; {@link QuarterPi#LIMIT}:
 * a Cody–Waite reduction by π/2 ({@link QuarterPi#reduce}) and Taylor sums in double-double arithmetic on
 * |w| ≤ π/4. Slow (a few hundred flops); for the rare inputs where a difference of sines and cosines cancels,
 * such as snake's ∂f/∂α next to the zeros of {@code tan u = 2u}.
 */
public final class DdTrig {

  private static final int TERMS = 14; // (π/4)^28/28! < 2^−110
  private static final double[] SIN_HI = new double[TERMS];
  private static final double[] SIN_LO = new double[TERMS];
  private static final double[] COS_HI = new double[TERMS];
  private static final double[] COS_LO = new double[TERMS];

  static {
    // (−1)^k/(2k+1)! and (−1)^k/(2k)! in double-double; factorials up to 18! are exact doubles, beyond them the
    // terms are below 2^−60 of the sum and a double is enough
    double fact = 1;
    for (int j = 1; j <= 2 * TERMS; j++) {
      double hi = 1 / fact;
      double lo = fact < 0x1p53 ? Math.fma(-hi, fact, 1) / fact : 0;
      double sign = (j - 1) / 2 % 2 == 0 ? 1 : -1;
      if (j % 2 == 1) { // 1/(j−1)! with j − 1 = 2k even: cosine
        COS_HI[(j - 1) / 2] = sign * hi;
        COS_LO[(j - 1) / 2] = sign * lo;
      } else { // 1/(j−1)! with j − 1 = 2k + 1 odd: sine
        SIN_HI[(j - 1) / 2] = sign * hi;
        SIN_LO[(j - 1) / 2] = sign * lo;
      }
      fact *= j;
    }
  }

  private DdTrig() {}

  /** {@code out = {sin hi, sin lo, cos hi, cos lo}} of {@code u + uLo}. */
  public static void sinCos(double u, double uLo, double[] out) {
    double n = Math.rint(u * (2 / Math.PI));
    double[] w = new double[2];
    QuarterPi.reduce(u, uLo, 2 * n, w); // w = u − nπ/2, |w| ≤ π/4 (slightly more at rounding boundaries)
    double z = w[0] * w[0];
    double zl = Math.fma(w[0], w[0], -z) + 2 * w[0] * w[1];
    double[] sv = horner(SIN_HI, SIN_LO, z, zl);
    double sh = w[0] * sv[0]; // sin w = w·S(w²)
    double sl = Math.fma(w[0], sv[0], -sh) + w[0] * sv[1] + w[1] * sv[0];
    double[] cv = horner(COS_HI, COS_LO, z, zl);
    int q = (int) (((long) n) & 3);
    double[] r = {sh, sl, cv[0], cv[1], -sh, -sl, -cv[0], -cv[1]}; // sin(w + qπ/2) = sin w, cos w, −sin w, −cos w
    out[0] = r[2 * q];
    out[1] = r[2 * q + 1];
    out[2] = r[(2 * q + 2) % 8];
    out[3] = r[(2 * q + 3) % 8];
  }

  /**
   * {@code 2u·cos u − sin u} at u + uLo to about 2^−100 absolute, so with its relative accuracy next to the zeros
   * of tan u = 2u (snake's ∂f/∂α); {@code sc} receives {@link #sinCos}.
   */
  public static double twoUCosMinusSin(double u, double uLo, double[] sc) {
    sinCos(u, uLo, sc);
    double p = 2 * u * sc[2];
    double pe = Math.fma(2 * u, sc[2], -p) + 2 * u * sc[3] + 2 * uLo * sc[2];
    double d = p - sc[0];
    double de = Stable.twoSumError(p, -sc[0], d);
    return d + ((de + pe) - sc[1]);
  }

  /** Σ c_k z^k in double-double, z = z + zl. */
  private static double[] horner(double[] hi, double[] lo, double z, double zl) {
    double ph = hi[TERMS - 1];
    double pl = 0;
    for (int k = TERMS - 2; k >= 0; k--) {
      double m = ph * z; // (ph + pl)(z + zl)
      double ml = Math.fma(ph, z, -m) + (ph * zl + pl * z);
      double s = m + hi[k]; // + (hi + lo)
      double sl = Stable.twoSumError(m, hi[k], s) + ml + lo[k];
      ph = s + sl;
      pl = Stable.twoSumError(s, sl, ph);
    }
    return new double[] {ph, pl};
  }
}
