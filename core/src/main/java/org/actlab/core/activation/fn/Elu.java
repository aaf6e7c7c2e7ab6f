package org.actlab.core.activation.fn;

import java.util.List;

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
 * Exponential linear unit: {@code x} for x &gt; 0, {@code alpha·(e^x − 1)} otherwise.
 *
 * <p>Derivative 1 for x &gt; 0, {@code alpha·e^x} otherwise; at 0 PyTorch takes the negative branch, alpha.
 * Clevert, Unterthiner &amp; Hochreiter (2016). The negative branch uses {@code expm1}: PyTorch's float32
 * {@code exp(x) - 1} is off by ~3·10⁵ ULP near 0 (NUMERICS.md §2).
 *
 * <p>Negative outputs push mean activations towards zero, which speeds learning; saturates to {@code -alpha} for
 * large negative input, so it is robust to noise there. Costs an exp. Smooth (C¹) only for alpha = 1.
 */
public final class Elu implements Activation {

  private static final Spec SPEC = Spec.builder("elu")
      .name("ELU")
      .family(Family.EXPONENTIAL)
      .formula("\\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}")
      .reference("D.-A. Clevert, T. Unterthiner, S. Hochreiter, Fast and Accurate Deep Network Learning by "
          + "Exponential Linear Units (ELUs), ICLR 2016")
      .param(Param.of("alpha", 1.0, "scale of the negative branch; the output saturates at -alpha"))
      .range(Range.above(-1))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(p -> List.of(Kink.corner(0, p[0], "PyTorch autograd: elu'(0) = alpha (the x <= 0 branch)")))
      .plot(-5, 3)
      .notes("Like relu for x > 0, but negative inputs give negative outputs down to -alpha, which pulls mean "
          + "activations towards zero and keeps a gradient alive for x < 0 (no dying units). Saturates for "
          + "large negative x. Costs one exp per negative input. Only C1 when alpha = 1.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > 0 ? x : p[0] * Math.expm1(x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > 0 ? 1.0 : p[0] * Math.exp(x);
  }
}
