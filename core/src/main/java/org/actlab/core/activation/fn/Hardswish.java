package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Hard swish {@code x·relu6(x + 3)/6}: 0 for x ≤ −3, x for x ≥ 3, {@code x(x + 3)/6} in between.
 *
 * <p>Derivative 0 for x &lt; −3, 1 for x &gt; 3, {@code (2x + 3)/6} in between. At the kinks we return the outer
 * one-sided limits, 0 at −3 and 1 at 3, as PyTorch's current CPU kernels do; older releases returned the
 * inner limits −1/2 and 3/2. Howard et al. (MobileNetV3, 2019). {@code x + 3} and {@code 2x + 3} are exact near
 * their zeros, so the pieces keep their relative accuracy.
 *
 * <p>A piecewise-quadratic silu for mobile and quantised networks (no exp). Non-monotonic dip to −3/8 at
 * x = −3/2; zero gradient below −3, so units pushed far negative can die. Not zero-centred.
 */
public final class Hardswish implements Activation {

  private static final Spec SPEC = Spec.builder("hardswish")
      .aliases("hard_silu")
      .name("Hardswish")
      .family(Family.SMOOTH)
      .formula("\\begin{cases} 0 & x \\le -3 \\\\ x & x \\ge 3 \\\\ \\frac{x (x + 3)}{6} & \\text{otherwise} "
          + "\\end{cases}")
      .derivative("\\begin{cases} 0 & x \\le -3 \\\\ 1 & x \\ge 3 \\\\ \\frac{2x + 3}{6} & \\text{otherwise} "
          + "\\end{cases}")
      .reference("A. Howard et al., Searching for MobileNetV3, ICCV 2019; PyTorch torch.nn.Hardswish")
      .range(Range.atLeast(-0.375))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .kinks(Kink.corner(-3, 0, "outer one-sided limit, as PyTorch's current CPU kernel (old releases: -0.5)"),
          Kink.corner(3, 1, "outer one-sided limit, as PyTorch's current CPU kernel (old releases: 1.5)"))
      .plot(-5, 5)
      .notes("MobileNetV3's cheap replacement for silu/swish: same shape, no exp, friendly to quantisation. "
          + "Non-monotonic (minimum -3/8 at x = -1.5) and not zero-centred. The gradient is exactly 0 below -3, so "
          + "strongly negative units stop learning, as with relu. The derivative jumps at +-3 (C0); PyTorch "
          + "versions disagree on the value there, we return 0 and 1.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x <= -3) {
      return 0.0;
    }
    return x >= 3 ? x : x * (x + 3) / 6; // NaN falls through to NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x <= -3) {
      return 0.0;
    }
    return x >= 3 ? 1.0 : (2 * x + 3) / 6; // NaN falls through to NaN
  }
}
