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

/**
 * Gaussian error linear unit, exact form: {@code x·Φ(x)}, Φ the standard normal CDF.
 *
 * <p>Derivative {@code Φ(x) + x·φ(x)}. Φ is {@code erfc(−x/√2)/2}, not {@code (1 + erf(x/√2))/2}: the latter
 * cancels to 0 below x ≈ −5 (PyTorch's float32 kernel returns 0 or wrong digits there, NUMERICS.md §2). The
 * rounding of {@code −x/√2} is corrected to first order, and below x = −1.25·√2 both f and f' are
 * {@code e^{−x²/2}} (with x² split exactly by fma) times a slowly varying factor built on {@link Erf#erfcx}.
 * Hendrycks &amp; Gimpel (2016); {@code gelu_tanh} is the tanh approximation, a separate entry.
 *
 * <p>Next to the root x = −0.7518 of f' the terms cancel; there f' is the polynomial {@code RootSeries.GELU}
 * in x − r (|x − r| &lt; 0.4, degree 14, from mpmath via tools/root_series.py): 3.3·10⁷ ULP before, at most 3.3 ULP
 * after (measured at dense doubles and the golden points).
 *
 * <p>The transformer default (BERT, GPT-2, ViT): smooth, with a small negative dip (minimum −0.170 at x = −0.752),
 * no dying units. Costs an erfc; not zero-centred; non-monotonic.
 */
public final class Gelu implements Activation {

  private static final double INV_SQRT2 = 0.7071067811865476;
  private static final double INV_SQRT2_LO = -4.833646656726457e-17; // 1/√2 − INV_SQRT2 (mpmath)
  private static final double INV_SQRT_PI = 0.5641895835477563;
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double INV_SQRT_2PI_LO = -2.49232720227773e-17; // 1/√(2π) − INV_SQRT_2PI (mpmath)

  private static final Spec SPEC = Spec.builder("gelu")
      .name("GELU")
      .family(Family.SMOOTH)
      .formula("x\\,\\Phi(x) = \\frac{x}{2}\\,\\operatorname{erfc}\\!\\left(-\\frac{x}{\\sqrt{2}}\\right)")
      .derivative("\\Phi(x) + x\\,\\varphi(x) = \\Phi(x) + \\frac{x}{\\sqrt{2\\pi}}\\,e^{-x^2/2}")
      .reference("D. Hendrycks, K. Gimpel, Gaussian Error Linear Units (GELUs), arXiv:1606.08415, 2016")
      .range(Range.atLeast(-0.16997120747990369)) // minimum at x = -0.75179152469356445746 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-4, 4)
      .notes("Weights its input by the probability that a standard normal falls below it: a smooth relu with a "
          + "small negative dip (minimum -0.170 at x = -0.752) and no dying units. The default in transformers "
          + "(BERT, GPT-2, ViT). Exact form, as PyTorch's approximate='none'; gelu_tanh is the cheaper tanh "
          + "approximation. Non-monotonic, not zero-centred; costs an erfc per element.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (Double.isInfinite(x)) {
      return x > 0 ? x : -0.0;
    }
    double t = -x * INV_SQRT2; // z = -x/√2 = t + err
    if (t >= 1.25) {
      return Erf.gaussianProduct(0.5 * x * Erf.erfcx(t), x); // Φ(x) = e^{-x²/2}·erfcx(z)/2
    }
    return x * cdf(x, t);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1.0 : -0.0;
    }
    double t = -x * INV_SQRT2;
    if (t >= 1.25) {
      return Erf.gaussianProduct(0.5 * Erf.erfcx(t) + x * INV_SQRT_2PI, x); // no cancellation: x <= -1.77
    }
    if (x > 40) {
      return 1.0; // Φ(x) rounds to 1 and x·φ(x) < 1e-340
    }
    if (RootSeries.GELU.near(x)) {
      return RootSeries.GELU.at(x);
    }
    // Φ + x·φ cancels near the root x = -0.7518 (the series takes |x − r| < 0.4, 3.3·10⁷ ULP before); further out
    // the product x·φ keeps its rounding errors (fma) for the sum
    double a = x * INV_SQRT_2PI;
    double aLo = Math.fma(x, INV_SQRT_2PI, -a) + x * INV_SQRT_2PI_LO;
    double s = x * x;
    double g = Math.exp(-0.5 * s); // e^{-x²/2} = g·(1 - fma(x, x, -s)/2), x² <= 1600 here
    double gLo = -g * (0.5 * Math.fma(x, x, -s));
    double prod = a * g;
    double prodLo = Math.fma(a, g, -prod) + aLo * g + a * gLo;
    return (cdf(x, t) + prod) + prodLo;
  }

  /** {@code Φ(x) = erfc(z)/2} for z = −x/√2 = t + err, with erfc'(z) = −2/√π·e^{−z²} applied to err. */
  private static double cdf(double x, double t) {
    double err = Math.fma(-x, INV_SQRT2, -t) + -x * INV_SQRT2_LO;
    return 0.5 * Erf.erfc(t) - err * INV_SQRT_PI * Math.exp(-t * t);
  }
}
