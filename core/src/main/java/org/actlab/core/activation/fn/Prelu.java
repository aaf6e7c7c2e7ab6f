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
 * Parametric ReLU: {@code x} for x &gt; 0, {@code weight·x} otherwise, with a learnable {@code weight}.
 *
 * <p>Derivative 1 for x &gt; 0, {@code weight} otherwise (also at the kink x = 0, as PyTorch's autograd);
 * {@code ∂f/∂weight} is 0 for x &gt; 0 and {@code x} otherwise. He, Zhang, Ren &amp; Sun (2015).
 *
 * <p>Leaky relu whose slope is learned, one per layer or one per channel (kernels take per-channel weights from
 * {@code ParamBlock.perChannel}). No dying units; small extra cost and a few extra parameters. Do not apply
 * weight decay to the slopes (He et al.), or they shrink towards relu.
 */
public final class Prelu implements Activation {

  private static final Spec SPEC = Spec.builder("prelu")
      .name("PReLU")
      .family(Family.RELU)
      .formula("\\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}, \\quad a = \\text{weight}")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}, \\quad "
          + "\\frac{\\partial f}{\\partial a} = \\begin{cases} 0 & x > 0 \\\\ x & x \\le 0 \\end{cases}")
      .reference("K. He, X. Zhang, S. Ren, J. Sun, Delving Deep into Rectifiers: Surpassing Human-Level "
          + "Performance on ImageNet Classification, ICCV 2015")
      .param(Param.of("weight", 0.25, "learnable slope for x <= 0 (PyTorch's init 0.25)").trainable())
      .range(Range.REAL)
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(p -> List.of(Kink.corner(0, p[0], "PyTorch autograd: prelu'(0) = weight (x > 0 passes)")))
      .plot(-4, 4)
      .notes("Leaky relu with a learned negative slope (initialised at 0.25), shared or one per channel. No dying "
          + "units, nearly free to compute, and it improved ImageNet accuracy over relu in He et al. Can overfit "
          + "on small data; do not use weight decay on the slopes. Pair with He initialisation.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return LeakyRelu.leaky(x, p[0]);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return LeakyRelu.leakyDerivative(x, p[0]);
  }

  @Override
  public void dfdp(double x, double y, double[] p, double dy, double[] g) {
    g[0] += dy * (x > 0 ? 0.0 : x); // NaN x gives NaN
  }
}
