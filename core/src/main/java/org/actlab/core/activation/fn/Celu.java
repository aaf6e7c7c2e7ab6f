package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Continuously differentiable ELU: {@code x} for x &gt; 0, {@code alpha·(e^{x/alpha} − 1)} otherwise.
 *
 * <p>Derivative 1 for x &gt; 0, {@code e^{x/alpha}} otherwise; both are 1 at 0 (PyTorch's autograd returns 1), so
 * it is C¹ for every alpha, unlike elu. Barron (2017). The negative branch uses {@code expm1}, and the rounding
 * of {@code x/alpha} is corrected to first order: exp amplifies it by |x/alpha|.
 *
 * <p>Same use as elu (negative outputs pull the mean towards zero, no dying units, saturates at {@code -alpha}),
 * with a derivative that stays continuous when alpha is tuned. Costs an exp and a division.
 */
public final class Celu implements Activation {

  private static final Spec SPEC = Spec.builder("celu")
      .name("CELU")
      .family(Family.EXPONENTIAL)
      .formula("\\begin{cases} x & x > 0 \\\\ \\alpha (e^{x/\\alpha} - 1) & x \\le 0 \\end{cases}")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}")
      .reference("J. T. Barron, Continuously Differentiable Exponential Linear Units, arXiv:1704.07483, 2017")
      .param(Param.of("alpha", 1.0, "scale of the negative branch; the output saturates at -alpha").notZero())
      .range(Range.above(-1))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(Kink.corner(0, 1, "PyTorch autograd: celu'(0) = 1 (the x <= 0 branch, e^0)"))
      .plot(-5, 3)
      .notes("Elu rescaled so that its derivative is 1 at 0 for every alpha: C1 whatever alpha you choose, and "
          + "equal to elu at alpha = 1. Negative outputs down to -alpha pull mean activations towards zero and "
          + "keep a gradient for x < 0 (no dying units); saturates for large negative x. Costs one exp per "
          + "negative input. alpha = 0 is rejected (it divides).")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      return x;
    }
    double a = p[0];
    double t = x / a;
    double r = Math.fma(-t, a, x); // exact x - t·a: x/a = t + r/a
    double e = Math.expm1(t);
    if (r == 0 || !Double.isFinite(r) || !Double.isFinite(e)) {
      return a * e; // keeps -0.0, the limits at -inf and NaN (no correction to make)
    }
    return a * e + r * Math.exp(t); // alpha·expm1(t + r/alpha) to first order
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x > 0) {
      return 1.0;
    }
    double a = p[0];
    double t = x / a;
    double r = Math.fma(-t, a, x);
    double e = Math.exp(t);
    if (r == 0 || !Double.isFinite(r) || !Double.isFinite(e)) {
      return e;
    }
    return e + e * (r / a);
  }
}
