package org.actlab.core.math;

/**
 * The error function {@code erf}, its complement {@code erfc = 1 − erf}, and the scaled complement
 * {@code erfcx(x) = e^{x²}·erfc(x)}, in double precision (Java's {@link Math} has none of them).
 *
 * <p>Algorithm and coefficients: fdlibm {@code s_erf.c} 5.1 (1993), Copyright (C) 1993 Sun Microsystems, Inc.,
 * developed at SunPro, "Permission to use, copy, modify, and distribute this software is freely granted, provided
 * that this notice is preserved." This is a Java re-implementation of that published method: on |x| &lt; 0.84375
 * {@code erf(x) = x + x·P(x²)/Q(x²)}; on [0.84375, 1.25) {@code erf(x) = c + P1(s)/Q1(s)} with {@code s = |x| − 1}
 * and c = 0.84506291151 rounded to float; on [1.25, 1/0.35) and [1/0.35, 28) {@code erfc(x) =
 * exp(−x² − 0.5625 + R(1/x²)/S(1/x²))/x}, where {@code −x²} is split as {@code −z² + (z − x)(z + x)} with
 * {@code z} the high 21 bits of x so that {@code exp} sees an exact first argument. fdlibm documents an error
 * below 1 ULP; our tests against mpmath assert at most 2 ULP.
 *
 * <p>Special values: NaN gives NaN; {@code erf(±∞) = ±1}, {@code erfc(+∞) = 0}, {@code erfc(−∞) = 2},
 * {@code erfcx(+∞) = 0}, {@code erfcx(−∞) = +∞}; subnormal arguments keep their digits.
 */
public final class Erf {

  private Erf() {}

  private static final double ERX = 8.45062911510467529297e-01;
  private static final double EFX = 1.28379167095512586316e-01;
  private static final double EFX8 = 1.02703333676410069053e+00;
  // erf on [0, 0.84375)
  private static final double PP0 = 1.28379167095512558561e-01, PP1 = -3.25042107247001499370e-01,
      PP2 = -2.84817495755985104766e-02, PP3 = -5.77027029648944159157e-03, PP4 = -2.37630166566501626084e-05;
  private static final double QQ1 = 3.97917223959155352819e-01, QQ2 = 6.50222499887672944485e-02,
      QQ3 = 5.08130628187576562776e-03, QQ4 = 1.32494738004321644526e-04, QQ5 = -3.96022827877536812320e-06;
  // erf on [0.84375, 1.25)
  private static final double PA0 = -2.36211856075265944077e-03, PA1 = 4.14856118683748331666e-01,
      PA2 = -3.72207876035701323847e-01, PA3 = 3.18346619901161753674e-01, PA4 = -1.10894694282396677476e-01,
      PA5 = 3.54783043256182359371e-02, PA6 = -2.16637559486879084300e-03;
  private static final double QA1 = 1.06420880400844228286e-01, QA2 = 5.40397917702171048937e-01,
      QA3 = 7.18286544141962662868e-02, QA4 = 1.26171219808761642112e-01, QA5 = 1.36370839120290507362e-02,
      QA6 = 1.19844998467991074170e-02;
  // erfc on [1.25, 1/0.35)
  private static final double RA0 = -9.86494403484714822705e-03, RA1 = -6.93858572707181764372e-01,
      RA2 = -1.05586262253232909814e+01, RA3 = -6.23753324503260060396e+01, RA4 = -1.62396669462573470355e+02,
      RA5 = -1.84605092906711035994e+02, RA6 = -8.12874355063065934246e+01, RA7 = -9.81432934416914548592e+00;
  private static final double SA1 = 1.96512716674392571292e+01, SA2 = 1.37657754143519042600e+02,
      SA3 = 4.34565877475229228821e+02, SA4 = 6.45387271733267880336e+02, SA5 = 4.29008140027567833386e+02,
      SA6 = 1.08635005541779435134e+02, SA7 = 6.57024977031928170135e+00, SA8 = -6.04244152148580987438e-02;
  // erfc on [1/0.35, 28)
  private static final double RB0 = -9.86494292470009928597e-03, RB1 = -7.99283237680523006574e-01,
      RB2 = -1.77579549177547519889e+01, RB3 = -1.60636384855821916062e+02, RB4 = -6.37566443368389627722e+02,
      RB5 = -1.02509513161107724954e+03, RB6 = -4.83519191608651397019e+02;
  private static final double SB1 = 3.03380607434824582924e+01, SB2 = 3.25792512996573918826e+02,
      SB3 = 1.53672958608443695994e+03, SB4 = 3.19985821950859553908e+03, SB5 = 2.55305040643316442583e+03,
      SB6 = 4.74528541206955367215e+02, SB7 = -2.24409524465858183362e+01;

  /** High word of |x| as fdlibm compares it: the thresholds below are fdlibm's, bit for bit. */
  private static int highWord(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
  }

  /** {@code x·P/Q} on |x| &lt; 0.84375, so that erf(x) = x + smallTerm(x). */
  private static double smallTerm(double x) {
    double z = x * x;
    double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    double s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    return x * (r / s);
  }

  /** {@code erf(1 + s) − c} for s = |x| − 1 in [−0.15625, 0.25). */
  private static double nearOne(double ax) {
    double s = ax - 1;
    double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    double q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return p / q;
  }

  /** {@code R/S ≈ ln(x·erfc(x)) + x² + 0.5625} for x ≥ 1.25 (any larger x, including +∞, gives the limit). */
  private static double tailRatio(double x) {
    double s = 1 / (x * x);
    double r;
    double q;
    if (highWord(x) < 0x4006DB6E) { // x < 1/0.35
      r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
      q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
    } else {
      r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
      q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
    }
    return r / q;
  }

  /** {@code erfc(x)} for 1.25 ≤ x &lt; 28, with fdlibm's exact split of {@code −x²}. */
  private static double tail(double x) {
    double z = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xffffffff00000000L);
    return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + tailRatio(x)) / x;
  }

  /** The error function {@code 2/√π ∫₀ˣ e^{−t²} dt}. */
  public static double erf(double x) {
    int ix = highWord(x);
    if (ix >= 0x7ff00000) {
      return x != x ? x : Math.copySign(1.0, x);
    }
    if (ix < 0x3feb0000) { // |x| < 0.84375
      if (ix < 0x3e300000) { // |x| < 2^-28: erf(x) = x·2/√π to double precision
        return ix < 0x00800000 ? 0.125 * (8.0 * x + EFX8 * x) : x + EFX * x; // scaled: no subnormal rounding
      }
      return x + smallTerm(x);
    }
    if (ix < 0x3ff40000) { // |x| < 1.25
      return Math.copySign(ERX + nearOne(Math.abs(x)), x);
    }
    if (ix >= 0x40180000) { // |x| >= 6: 1 - erfc rounds to 1
      return Math.copySign(1.0, x);
    }
    return Math.copySign(1 - tail(Math.abs(x)), x);
  }

  /** The complementary error function {@code 1 − erf(x)}, accurate where it is tiny (x up to ~27.2). */
  public static double erfc(double x) {
    int ix = highWord(x);
    if (ix >= 0x7ff00000) {
      return x != x ? x : x > 0 ? 0.0 : 2.0;
    }
    if (ix < 0x3feb0000) { // |x| < 0.84375
      if (ix < 0x3c700000) { // |x| < 2^-56
        return 1 - x;
      }
      double t = smallTerm(x);
      return x < 0.25 ? 1 - (x + t) : 0.5 - (t + (x - 0.5)); // no cancellation against 1 for x >= 1/4
    }
    if (ix < 0x3ff40000) { // |x| < 1.25
      double r = nearOne(Math.abs(x));
      return x > 0 ? (1 - ERX) - r : 1 + (ERX + r);
    }
    if (ix < 0x403c0000) { // |x| < 28
      if (x < -6) {
        return 2.0; // 2 - erfc(6) rounds to 2
      }
      double r = tail(Math.abs(x));
      return x > 0 ? r : 2 - r;
    }
    return x > 0 ? 0.0 : 2.0;
  }

  /**
   * The scaled complement {@code e^{x²}·erfc(x)}: about {@code 1/(x√π)} for large x, finite where erfc
   * underflows; overflows to +∞ below about −26.6. For x ≥ 1.25 it is fdlibm's tail without the {@code e^{−x²}}
   * factor, so a caller that knows x² exactly (GELU's {@code x²/2}) can apply that factor itself.
   */
  public static double erfcx(double x) {
    if (x != x) {
      return x;
    }
    if (x >= 1.25) {
      return Math.exp(-0.5625 + tailRatio(x)) / x; // +∞ gives 1/∞ = 0
    }
    double s = x * x;
    double e = Math.exp(s);
    if (e == Double.POSITIVE_INFINITY) {
      return e; // x < -26.6: erfc(x) > 1, so the product overflows too
    }
    return (e + e * Math.fma(x, x, -s)) * erfc(x); // e^{x²} with the rounding of x² corrected to first order
  }
}
