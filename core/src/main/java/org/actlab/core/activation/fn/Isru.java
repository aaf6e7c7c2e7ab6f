package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Inverse square root unit {@code x/√(1 + αx²)}: a sigmoid-shaped function built from a square root.
 *
 * <p>Derivative {@code (1 + αx²)^{-3/2}}. Carlile, Delamarter, Kinney, Marti &amp; Whitney (2017) proposed it for
 * RNNs as a cheaper tanh. {@code 1 + αx²} is formed in double-double (two-product with {@code fma}, two-sum) and
 * its low part applied as a first-order correction, so neither the square nor the sum costs accuracy; for x so
 * large that αx² overflows, the result is the limit ±1/√α (resp. 0 for the derivative), which is what the exact
 * value rounds to.
 *
 * <p>Like tanh (zero-centred, odd, saturating on both sides, output in (−1/√α, 1/√α)) but with polynomial tails,
 * and only a square root instead of exponentials. Saturation still means vanishing gradients in deep stacks.
 */
public final class Isru implements Activation {

  private static final Spec SPEC = Spec.builder("isru")
      .name("ISRU")
      .family(Family.SIGMOID)
      .formula("\\frac{x}{\\sqrt{1 + \\alpha x^2}}")
      .derivative("\\left(1 + \\alpha x^2\\right)^{-3/2}")
      .reference("B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney, Improving Deep Learning by Inverse "
          + "Square Root Linear Units (ISRLUs), arXiv:1710.09967, 2017")
      .param(Param.of("alpha", 1.0, "steepness; the output saturates at +-1/sqrt(alpha)").greaterThan(0))
      .range(Range.open(-1, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-6, 6)
      .notes("A tanh look-alike that needs only a square root, proposed for recurrent networks where the cell "
          + "activation is evaluated very often. Odd, zero-centred, bounded by +-1/sqrt(alpha); the gradient "
          + "decays as |x|^-3, slower than tanh's, but it still saturates on both sides: vanishing gradients in "
          + "deep stacks. alpha sets the bound and the curvature.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double a = p[0];
    double q = a * x * x;
    if (q == Double.POSITIVE_INFINITY) {
      return Math.copySign(1 / Math.sqrt(a), x);
    }
    double d = 1 + q;
    double y = x / Math.sqrt(d);
    // (d + lo)^{-1/2} = d^{-1/2}(1 - lo/(2d)); copySign keeps -0.0
    return Math.copySign(y - y * (0.5 * tail(a, x, q, d) / d), x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double a = p[0];
    double q = a * x * x;
    if (q == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    double d = 1 + q;
    double r = 1 / d / Math.sqrt(d);
    return r - r * (1.5 * tail(a, x, q, d) / d); // (d + lo)^{-3/2} = d^{-3/2}(1 - 3lo/(2d))
  }

  /** {@code lo} such that {@code 1 + a·x·x = d + lo} to double-double accuracy, given {@code q = (a·x)·x} and
   *  {@code d = 1 + q} as rounded. */
  private static double tail(double a, double x, double q, double d) {
    double ax = a * x;
    double productError = Math.fma(ax, x, -q) + Math.fma(a, x, -ax) * x;
    double b = d - q;
    return (1 - b) + (q - (d - b)) + productError;
  }
}
