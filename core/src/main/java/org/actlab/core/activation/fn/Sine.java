package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.QuarterPi;

/**
 * SIREN's sine activation {@code sin(w0·x)}.
 *
 * <p>Derivative {@code w0·cos(w0·x)}. Sitzmann, Martel, Bergman, Lindell &amp; Wetzstein (SIREN, 2020), with
 * their default frequency w0 = 30. The product {@code w0·x} is rounded, and for large arguments that rounding is
 * a large absolute error in the sine; the rounding error {@code err} is recovered with {@code fma} and
 * {@code sin(t + err)} is evaluated from {@code t + err − nπ} reduced as a double-double ({@link QuarterPi}'s
 * Cody–Waite steps) for |t| &lt; 2²², so that it keeps its relative accuracy next to the zeros: the angle-sum
 * formula {@code sin t·cos err + cos t·sin err} used before cancels there, by 135 ULP of f at x = −9090.5125 and
 * 481 of f' at x = −14522.483 (w0 = 30, against mpmath). Beyond 2²² the angle-sum formula remains. ±∞ gives
 * NaN: the sine has no limit there.
 *
 * <p>For implicit neural representations (images, audio, signed distance fields as functions of coordinates)
 * and for fitting solutions of PDEs, where the network's derivatives matter: every derivative of a SIREN is
 * again a SIREN. Needs SIREN's initialisation (uniform weights scaled by w0); with ordinary initialisation or in
 * classification networks it trains poorly. Periodic, bounded, odd, zero-centred, never saturating.
 */
public final class Sine implements Activation {

  private static final double INV_PI = 0.3183098861837907;

  private static final Spec SPEC = Spec.builder("sine")
      .name("Sine (SIREN)")
      .family(Family.PERIODIC)
      .formula("\\sin(\\omega_0 x)")
      .derivative("\\omega_0 \\cos(\\omega_0 x)")
      .reference("V. Sitzmann, J. Martel, A. Bergman, D. Lindell, G. Wetzstein, Implicit Neural Representations "
          + "with Periodic Activation Functions, NeurIPS 2020")
      .param(Param.of("w0", 30.0, "frequency omega_0; SIREN uses 30").greaterThan(0))
      .range(Range.closed(-1, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.ODD, Property.ZERO_AT_ZERO, Property.ZERO_CENTRED)
      .plot(-0.3, 0.3)
      .notes("For implicit neural representations: networks mapping coordinates to signals (images, audio, shapes) "
          + "and PDE solutions, where fine detail and smooth derivatives matter. Requires SIREN's initialisation "
          + "(weights uniform in +-sqrt(6/n)/w0); otherwise convergence is difficult, and for ordinary "
          + "classification it is a poor choice. Never saturates and is not monotonic: many inputs share an "
          + "output.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double t = p[0] * x;
    double err = productError(p[0], x, t);
    if (Math.abs(t) < QuarterPi.LIMIT) {
      double n = Math.rint(t * INV_PI);
      double[] w = new double[2];
      QuarterPi.reduce(t, err, 4 * n, w); // t + err − nπ, double-double
      return oddSign(n, Math.sin(w[0]) + w[1] * Math.cos(w[0]));
    }
    return Math.sin(t) * Math.cos(err) + Math.cos(t) * Math.sin(err); // sin(t + err) by the angle-sum formula
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double t = p[0] * x;
    double err = productError(p[0], x, t);
    if (Math.abs(t) < QuarterPi.LIMIT) {
      double n = Math.rint(t * INV_PI);
      double[] w = new double[2];
      QuarterPi.reduce(t, err, 4 * n, w);
      return p[0] * oddSign(n, Math.cos(w[0]) - w[1] * Math.sin(w[0]));
    }
    return p[0] * (Math.cos(t) * Math.cos(err) - Math.sin(t) * Math.sin(err)); // w0·cos(t + err)
  }

  /** −v for odd n, v for even (sin and cos change sign with each π). */
  private static double oddSign(double n, double v) {
    return Math.IEEEremainder(n, 2) == 0 ? v : -v;
  }

  /**
   * {@code a·b − t} for {@code t = a·b} rounded (exact, by {@code fma}), 0 when t is not finite. Not
   * {@code Stable.sinProduct}'s first-order {@code sin t + err·cos t}: once |t| exceeds 2^53 the error can reach
   * ulp(t)/2 ≥ 1 and the first-order term is wrong, so we use the angle-sum formula, which is exact in err.
   */
  static double productError(double a, double b, double t) {
    return Double.isFinite(t) ? Math.fma(a, b, -t) : 0;
  }
}
