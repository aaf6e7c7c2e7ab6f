package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Gauss;

/**
 * Gaussian error linear unit, exact form: {@code x·Φ(x)}, Φ the standard normal CDF.
 *
 * <p>Derivative {@code Φ(x) + x·φ(x)}. Not from {@code (1 + erf(x/√2))/2}, which cancels to 0 below x ≈ −5
 * (PyTorch's float32 kernel returns 0 or wrong digits there, NUMERICS.md §2): with a = |x|,
 * {@code Φ(−a) = e^{−a²/2}·H(a)} and {@code Φ(x) + x·φ(x) = e^{−a²/2}·(a − r)·W(a)} for x &lt; 0 (1 minus it
 * above), where the factor a − r, exact next to the root r = 0.7518 of f', carries the cancellation there, and H
 * and W are smooth polynomials per half binade ({@link Gauss}, fitted by mpmath). Worst error from mpmath over
 * 200,000 doubles: 2.02 ULP (f) and 2.59 (f'). The erfc-based form this replaced reached 4.43 and 4.10 ULP
 * between the golden points. Hendrycks &amp; Gimpel (2016); {@code gelu_tanh} is the tanh approximation, a separate
 * entry.
 *
 * <p>The transformer default (BERT, GPT-2, ViT): smooth, with a small negative dip (minimum −0.170 at x = −0.752),
 * no dying units. Costs an exponential and a polynomial; not zero-centred; non-monotonic.
 */
public final class Gelu implements Activation {

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
          + "approximation. Non-monotonic, not zero-centred; costs an exponential and a polynomial per element.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double a = magnitude(x);
    double g = Gauss.timesGauss(a * Gauss.h(a), a); // a·Φ(−a)
    return (x < 0 ? -0.0 : x) - g; // ±0 keep their sign, +∞ stays, −∞ gives −0.0, NaN stays NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double a = magnitude(x);
    double m = Gauss.timesGauss((a - Gauss.ROOT_HI - Gauss.ROOT_LO) * Gauss.w(a), a); // e^{−a²/2}·(a − r)·W(a)
    return x < 0 ? m : 1 - m;
  }

  /** min(|x|, 39), NaN kept: beyond 39, gelu(−a) is below half the smallest subnormal and gelu(a) is a. */
  private static double magnitude(double x) {
    double a = Math.abs(x);
    return a > Gauss.CLAMP ? Gauss.CLAMP : a;
  }
}
