package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

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
  /** The decimal 1.41645 minus C4 (mpmath): the definition's constant is the decimal. */
  private static final double C4_LO = 1.3145040611561854e-17;
  /** 1.7159·2/3 correctly rounded (mpmath), one rounding instead of three. */
  private static final double SLOPE = 1.1439333333333332;

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
   * {@code A·(2/3)·g(u)}, {@code g = N'/(1+N)²}, which shrinks like {@code u⁻⁵}: the leading terms
   * {@code C4·u⁴} of {@code 1 + N} and {@code 4C4·u³} of {@code N'} are carried as double + double (u² split by fma,
   * C4 with the remainder of the decimal 1.41645), the sums with their exact errors (TwoSum), so that
   * {@code 1 + N} and {@code N'} are double + double and g rounds about twice instead of once per operation. The
   * rounding of {@code u = 2|x|/3}, amplified five-fold, is applied to first order through its exact remainder δ and
   * {@code g'/g = N''/N' − 2N'/(1+N)}. Plain sums (five roundings in N, four in N') reached 5.96 ULP at
   * x = −10.41, and Horner with fma 4.54 at −37.38 (tools/dense_audit.py).
   */
  @Override
  public double dfdx(double x, double y, double[] p) {
    double t = 2 * Math.abs(x);
    double u = t / 3;
    double u2 = u * u;
    double u2Lo = Math.fma(u, u, -u2);
    double u3 = u2 * u; // u³ and u⁴ as hi + lo
    double u3Lo = Math.fma(u2, u, -u3) + u2Lo * u;
    double u4 = u2 * u2;
    double u4Lo = Math.fma(u2, u2, -u4) + 2 * u2 * u2Lo;
    double lead = C4 * u4; // C4·u⁴
    double leadLo = Math.fma(C4, u4, -lead) + (C4 * u4Lo + C4_LO * u4);
    double onePlusU = 1 + u;
    double rest = Math.fma(u, u, onePlusU);
    double onePlusN = lead + rest;
    if (onePlusN == Double.POSITIVE_INFINITY) {
      return 0.0; // N'/(1+N)² → 0; both would be ∞ here
    }
    double nLo = Stable.twoSumError(lead, rest, onePlusN) + leadLo + Stable.twoSumError(1, u, onePlusU);
    double lead3 = 4 * C4 * u3; // 4C4·u³ (4C4 exact)
    double lead3Lo = Math.fma(4 * C4, u3, -lead3) + 4 * (C4 * u3Lo + C4_LO * u3);
    double rest3 = 1 + 2 * u;
    double dn = lead3 + rest3;
    double dnLo = Stable.twoSumError(lead3, rest3, dn) + lead3Lo + Stable.twoSumError(1, 2 * u, rest3);
    double g = dn / onePlusN / onePlusN;
    g += g * (dnLo / dn - 2 * nLo / onePlusN);
    double delta = Math.fma(-u, 3, t) / 3;
    double ddn = Math.fma(12 * C4 * u, u, 2);
    return SLOPE * (g + g * delta * (ddn / dn - 2 * dn / onePlusN));
  }
}
