package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.DdTrig;
import org.actlab.core.math.QuarterPi;

/**
 * Snake {@code x + sin²(αx)/α}: the identity plus a periodic ripple, with a learnable frequency α.
 *
 * <p>Derivative {@code 1 + sin(2αx)}; {@code ∂f/∂α = x·sin(2αx)/α − sin²(αx)/α²}. Liu Ziyin, Hartwig &amp; Ueda
 * (2020). The lecture notes write {@code x + sin²(ax)}, without the division: that agrees with Snake only at
 * a = 1. The derivative vanishes where 2αx = −π/2 (mod 2π), and {@code 1 + sin} would cancel there; where
 * {@code sin 2u < −1/2} we use {@code 1 + sin 2u = 2 sin²(u + π/4)} with {@code u + π/4} reduced mod π by
 * {@link QuarterPi} (Cody–Waite, three-word π/4), so it keeps its relative accuracy next to those roots: at most
 * 2.9 ULP measured at double neighbours of roots for |αx| &lt; 2^22, where the previous double-double form
 * reached 16.4 ULP. Beyond 2^22 the double-double form remains (up to 10.8 ULP measured there). ∂f/∂α is
 * {@code sin u·(2u·cos u − sin u)/α²}; the bracket cancels next to the zeros of tan u = 2u (u = ±1.1656, ±4.6042,
 * …), where it is formed from double-double sine and cosine ({@link DdTrig}): 3.9 ULP at worst measured (before:
 * 3·10^14 ULP at double neighbours of those zeros, 28.6 on the golden grid), for |αx| &lt; 2^22. Products with α
 * are corrected with {@code fma}.
 *
 * <p>For data with periodic structure (time series, audio such as BigVGAN's vocoder): unlike relu or tanh it can
 * extrapolate a periodic function. Monotonic and non-saturating, so gradients flow; not zero-centred. Train α
 * per channel; very small α approaches the identity plus αx² near 0.
 */
public final class Snake implements Activation {

  private static final double PI4_HI = 0.7853981633974483;
  private static final double PI4_LO = 3.061616997868383e-17; // π/4 - PI4_HI (mpmath)

  private static final Spec SPEC = Spec.builder("snake")
      .name("Snake")
      .family(Family.PERIODIC)
      .formula("x + \\frac{\\sin^2(\\alpha x)}{\\alpha}")
      .derivative("1 + \\sin(2 \\alpha x)")
      .reference("Liu Ziyin, T. Hartwig, M. Ueda, Neural Networks Fail to Learn Periodic Functions and How to "
          + "Fix It, NeurIPS 2020")
      .param(Param.of("alpha", 1.0, "frequency of the ripple (learnable, usually per channel)").notZero().trainable())
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .plot(-6, 6)
      .notes("Identity plus a periodic ripple of learnable frequency alpha: lets a network extrapolate periodic "
          + "signals (time series, audio vocoders) where relu and tanh fail. Monotonic and non-saturating, so "
          + "gradients flow; not zero-centred (mean about 0.43 for N(0,1) input). The notes' x + sin^2(ax) drops "
          + "the 1/a and is Snake only for a = 1; we implement the paper's form.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (Double.isInfinite(x)) {
      return x; // x plus a bounded ripple
    }
    double a = p[0];
    double s = sinOfProduct(a, x);
    return Math.fma(s, s / a, x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double a = p[0];
    double sin2 = sinOfProduct(2 * a, x);
    if (sin2 >= -0.5) {
      return 1 + sin2; // at least 1/2: no cancellation
    }
    double u = a * x;
    double uErr = Sine.productError(a, x, u);
    if (Math.abs(u) < QuarterPi.LIMIT) {
      double s = QuarterPi.sinPlusQuarterPi(u, uErr); // Cody–Waite: relative accuracy next to the zeros
      return 2 * s * s;
    }
    double v = u + PI4_HI; // v + vErr = αx + π/4 in double-double (two-sum)
    double b = v - u;
    double vErr = (u - (v - b)) + (PI4_HI - b) + uErr + PI4_LO;
    double s = Math.sin(v) * Math.cos(vErr) + Math.cos(v) * Math.sin(vErr); // sin(αx + π/4)
    return 2 * s * s;
  }

  @Override
  public void dfdp(double x, double y, double[] p, double dy, double[] g) {
    double a = p[0];
    double u = a * x;
    double uErr = Sine.productError(a, x, u);
    double s = Math.sin(u) * Math.cos(uErr) + Math.cos(u) * Math.sin(uErr); // sin(αx), exact in uErr
    double c = Math.cos(u) * Math.cos(uErr) - Math.sin(u) * Math.sin(uErr);
    // x·sin(2αx)/α - sin²(αx)/α² = sin(αx)·(2αx·cos(αx) - sin(αx))/α²
    double h = Math.fma(2 * u, c, -s);
    if (Math.abs(h) < 0.5 * Math.abs(s) && Math.abs(u) < QuarterPi.LIMIT) { // cancels next to tan u = 2u
      double[] sc = new double[4];
      h = DdTrig.twoUCosMinusSin(u, uErr, sc);
      s = sc[0];
    }
    g[0] += dy * (s * h / a / a);
  }

  /** {@code sin(a·b)} with the product's rounding error applied exactly (angle-sum formula), see {@link Sine}. */
  private static double sinOfProduct(double a, double b) {
    double t = a * b;
    double err = Sine.productError(a, b, t);
    return Math.sin(t) * Math.cos(err) + Math.cos(t) * Math.sin(err);
  }
}
