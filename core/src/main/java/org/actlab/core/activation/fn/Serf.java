package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Erf;
import org.actlab.core.math.RootSeries;
import org.actlab.core.math.Stable;

/**
 * Serf, the error-function analogue of mish: {@code x·erf(softplus(x))}.
 *
 * <p>Derivative {@code erf(sp) + x·(2/√π)·e^{−sp²}·σ(x)}, sp = ln(1+eˣ) in its stable form. Below x = −40,
 * sp = eˣ and erf(sp) = (2/√π)·eˣ to double precision, so the results are (2/√π)·x·eˣ and (2/√π)·(1+x)·eˣ,
 * rounded once. Nag, Bhattacharyya &amp; Mitra (2023). Uses {@link Erf} (fdlibm's erf).
 *
 * <p>Next to the root x = −1.1931 of f' the terms cancel; there f' is the polynomial {@code RootSeries.SERF}
 * in x − r (|x − r| &lt; 0.4, degree 15, from mpmath via tools/root_series.py): 9.6·10⁶ ULP before, at most 3.9 ULP
 * after (measured at dense doubles and the golden points).
 *
 * <p>A smooth, non-monotonic relu replacement in the silu/mish family, dipping to −0.348 at x = −1.193; its
 * authors report gains over gelu and mish on some image and graph tasks. Costs an exp, a log1p and an erf; not
 * zero-centred.
 */
public final class Serf implements Activation {

  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17; // 2/√π − TWO_OVER_SQRT_PI (mpmath)

  private static final Spec SPEC = Spec.builder("serf")
      .name("Serf")
      .family(Family.SMOOTH)
      .formula("x\\,\\operatorname{erf}\\bigl(\\ln(1 + e^{x})\\bigr)")
      .derivative("\\operatorname{erf}(\\operatorname{sp}(x)) + x\\,\\frac{2}{\\sqrt{\\pi}}\\,"
          + "e^{-\\operatorname{sp}(x)^2}\\,\\sigma(x),\\quad \\operatorname{sp}(x) = \\ln(1 + e^{x})")
      .reference("S. Nag, M. Bhattacharyya, A. Mitra, Serf: Towards better training of deep neural networks "
          + "using log-Softplus ERror activation Function, WACV 2023")
      .range(Range.atLeast(-0.34843745875960647)) // minimum at x = -1.19305996892818797 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-6, 4)
      .notes("Mish with erf in place of tanh: a smooth, self-regularising relu replacement with a dip to -0.348 at "
          + "x = -1.193 and no dying units. Its authors report small gains over gelu and mish; evidence is "
          + "limited, so treat it as an experiment. Non-monotonic, not zero-centred, the most expensive of the "
          + "family (exp, log1p and erf per element).")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp(x * TWO_OVER_SQRT_PI, x);
    }
    return x * Erf.erf(Stable.softplus(x)); // +∞ gives ∞·1
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp((1 + x) * TWO_OVER_SQRT_PI, x);
    }
    if (x > 40) {
      return 1.0; // erf(sp) = 1 and the second term is below e^{-1600}
    }
    if (RootSeries.SERF.near(x)) {
      return RootSeries.SERF.at(x);
    }
    double sp = Stable.softplus(x);
    if (x > 0) { // both terms positive: no cancellation
      return Erf.erf(sp) + x * TWO_OVER_SQRT_PI * Math.exp(-sp * sp) * Stable.sigmoid(x);
    }
    // The terms cancel near the root x = -1.1931: σ(x) = e/(1+e) and the product x·(2/√π)·e^{-sp²}·σ(x) keep
    // their rounding errors (two-sum, fma remainders) for the final sum.
    double e = Math.exp(x);
    double d = 1 + e;
    double dErr = (1 - d) + e;
    double s = e / d;
    double sLo = (Math.fma(-s, d, e) - s * dErr) / d;
    double p1 = x * TWO_OVER_SQRT_PI;
    double p1e = Math.fma(x, TWO_OVER_SQRT_PI, -p1) + x * TWO_OVER_SQRT_PI_LO;
    double g = Math.exp(-sp * sp);
    double p2 = p1 * g;
    double p2e = Math.fma(p1, g, -p2) + p1e * g;
    double p3 = p2 * s;
    double p3e = Math.fma(p2, s, -p3) + p2e * s + p2 * sLo;
    return (Erf.erf(sp) + p3) + p3e;
  }
}
