package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * DL4J's rational tanh: LeCun's {@code 1.7159·tanh(2x/3)} with tanh replaced by the rational approximation
 * {@code tanh(y) ≈ sgn(y)·(1 − 1/(1 + |y| + y² + 1.41645·y⁴))}, which needs no exponential.
 *
 * <p>With {@code N = |y| + y² + 1.41645·y⁴} and {@code y = 2x/3}: {@code f = 1.7159·sgn(y)·N/(1+N)} (this form
 * has no {@code 1 − 1/D} cancellation near 0) and {@code f' = 1.7159·(2/3)·N'/(1+N)²} with
 * {@code N' = 1 + 2|y| + 4·1.41645·|y|³}; the ratio is formed as {@code (N'/(1+N))/(1+N)} so that it neither
 * overflows nor turns into ∞/∞ for huge |x|. The {@code |y|} term makes f' bend at 0: f is C¹, not C².
 * Deeplearning4j's {@code ActivationRationalTanh}, citing arXiv:1508.01292 (2015).
 *
 * <p>The definition is the approximation: it is not tanh (it differs from 1.7159·tanh(2x/3) by up to about
 * 0.02), so use it where DL4J models are reproduced or where exp is too expensive; the catalog's scaled_tanh is
 * the exact function. Saturates on both sides like tanh.
 */
public final class RationalTanh implements Activation {

  private static final double A = 1.7159;
  private static final double C4 = 1.41645;

  private static final Spec SPEC = Spec.builder("rational_tanh")
      .name("Rational tanh (DL4J)")
      .family(Family.SIGMOID)
      .formula("1.7159\\,\\mathrm{sgn}(y)\\left(1 - \\frac{1}{1 + |y| + y^2 + 1.41645\\,y^4}\\right),"
          + " \\quad y = \\tfrac{2}{3}x")
      .derivative("1.7159 \\cdot \\tfrac{2}{3} \\cdot \\frac{1 + 2|y| + 5.6658\\,|y|^3}"
          + "{(1 + |y| + y^2 + 1.41645\\,y^4)^2}")
      .reference("Deeplearning4j ActivationRationalTanh (rational approximation after arXiv:1508.01292, 2015)")
      .range(Range.open(-A, A))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-6, 6)
      .notes("An exp-free stand-in for LeCun's scaled tanh from Deeplearning4j: bounded by +-1.7159, odd and "
          + "zero-centred, with slope 1.144 at the origin. It approximates 1.7159*tanh(2x/3) to about 0.02, so "
          + "use it to reproduce DL4J networks or where transcendental functions are too costly; otherwise prefer "
          + "scaled_tanh. Saturates on both sides: deep stacks suffer vanishing gradients like tanh.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double y = Math.abs(2 * x / 3);
    double n = y + y * y + C4 * (y * y) * (y * y);
    double r = n == Double.POSITIVE_INFINITY ? 1.0 : n / (1 + n);
    return Math.copySign(A * r, x); // NaN stays NaN through n
  }

  /**
   * The ratio {@code g(u) = N'/(1+N)²} shrinks like {@code u⁻⁵}, so the rounding of {@code u = 2|x|/3} would be
   * amplified five-fold (5.4 ULP measured); its exact remainder {@code δ} is applied to first order through
   * {@code g'/g = N''/N' − 2N'/(1+N)}.
   */
  @Override
  public double dfdx(double x, double y, double[] p) {
    double t = 2 * Math.abs(x);
    double u = t / 3;
    double n = u + u * u + C4 * (u * u) * (u * u);
    if (n == Double.POSITIVE_INFINITY) {
      return 0.0; // N'/(1+N)² → 0; both would be ∞ here
    }
    double delta = Math.fma(-u, 3, t) / 3;
    double dn = 1 + 2 * u + 4 * C4 * u * (u * u);
    double ddn = 2 + 12 * C4 * (u * u);
    double g = dn / (1 + n) / (1 + n);
    return A * 2 / 3 * (g + g * delta * (ddn / dn - 2 * dn / (1 + n)));
  }
}
