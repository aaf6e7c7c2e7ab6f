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
 * Piecewise-linear sigmoid: 0 for x ≤ −3, 1 for x ≥ 3, {@code (x + 3)/6} in between.
 *
 * <p>Derivative 1/6 strictly inside (−3, 3) and 0 outside; at the kinks ±3 we return 0, as PyTorch's autograd
 * does. Howard et al. (MobileNetV3, 2019) as {@code relu6(x + 3)/6}. The middle piece is evaluated as
 * {@code (x + 3)/6}, not {@code x/6 + 1/2}: near −3 the latter cancels and loses the relative accuracy of the
 * small result.
 *
 * <p>A cheap sigmoid for gates on mobile and quantised hardware (no exp). Saturates hard: outside (−3, 3) the
 * gradient is exactly 0, so units stuck there stop learning. Not zero-centred.
 */
public final class Hardsigmoid implements Activation {

  private static final Spec SPEC = Spec.builder("hardsigmoid")
      .name("Hardsigmoid")
      .family(Family.SIGMOID)
      .formula("\\begin{cases} 0 & x \\le -3 \\\\ 1 & x \\ge 3 \\\\ \\frac{x + 3}{6} & \\text{otherwise} "
          + "\\end{cases}")
      .derivative("\\begin{cases} \\frac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}")
      .reference("A. Howard et al., Searching for MobileNetV3, ICCV 2019; PyTorch torch.nn.Hardsigmoid")
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC)
      .kinks(Kink.corner(-3, 0, "PyTorch autograd: hardsigmoid'(-3) = 0 (gradient only strictly inside)"),
          Kink.corner(3, 0, "PyTorch autograd: hardsigmoid'(3) = 0 (gradient only strictly inside)"))
      .plot(-5, 5)
      .notes("A sigmoid without exp, for gates in mobile networks (MobileNetV3's squeeze-and-excitation) and "
          + "quantised inference. Outside (-3, 3) the gradient is exactly zero, so saturated units stop learning "
          + "entirely, worse than the sigmoid's small but non-zero tails. Not zero-centred (mean 0.5).")
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
    return x >= 3 ? 1.0 : (x + 3) / 6; // x + 3 is exact near -3 (Sterbenz); NaN falls through to NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > -3 && x < 3 ? 1.0 / 6 : x == x ? 0.0 : x;
  }
}
