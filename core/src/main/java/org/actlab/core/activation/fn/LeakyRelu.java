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
 * Leaky ReLU: {@code x} for x &gt; 0, {@code negative_slope·x} otherwise.
 *
 * <p>Derivative 1 for x &gt; 0, {@code negative_slope} otherwise; at the kink x = 0 PyTorch's autograd returns the
 * negative slope. Maas, Hannun &amp; Ng (2013).
 *
 * <p>A small fixed slope for x &lt; 0 keeps a gradient alive, so units cannot die as relu units do; otherwise as
 * cheap as relu. Not zero-centred. The slope is a hyperparameter; {@link Prelu} learns it, {@link Rrelu}
 * randomises it during training.
 */
public final class LeakyRelu implements Activation {

  private static final Spec SPEC = Spec.builder("leaky_relu")
      .name("Leaky ReLU")
      .family(Family.RELU)
      .formula("\\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}, \\quad a = \\text{negative\\_slope}")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}")
      .reference("A. Maas, A. Hannun, A. Ng, Rectifier Nonlinearities Improve Neural Network Acoustic Models, "
          + "ICML Workshop on Deep Learning for Audio, Speech and Language Processing 2013")
      .param(Param.of("negative_slope", 0.01, "slope for x <= 0"))
      .range(Range.REAL)
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(p -> List.of(Kink.corner(0, p[0], "PyTorch autograd: leaky_relu'(0) = negative_slope (x > 0 passes)")))
      .plot(-4, 4)
      .notes("Relu with a small slope (0.01) for negative inputs, so a unit whose input stays negative still gets "
          + "a gradient: the usual fix for dying relu units. Costs the same as relu. Not zero-centred. Larger "
          + "slopes (0.1-0.3) behave more like a linear unit; use prelu to learn the slope.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return leaky(x, p[0]);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return leakyDerivative(x, p[0]);
  }

  /** {@code x > 0 ? x : slope·x}, shared with prelu and rrelu; a zero slope maps -∞ to its limit -0.0, not NaN. */
  static double leaky(double x, double slope) {
    if (x > 0) {
      return x;
    }
    return slope == 0 && x == Double.NEGATIVE_INFINITY ? -0.0 : slope * x;
  }

  /** {@code x > 0 ? 1 : slope}, NaN for NaN. */
  static double leakyDerivative(double x, double slope) {
    return x > 0 ? 1.0 : x == x ? slope : x;
  }
}
