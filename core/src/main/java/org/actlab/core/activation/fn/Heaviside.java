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
 * Heaviside (binary) step: 1 for x &gt; 0, 0 for x &lt; 0 and {@code values} at x = 0.
 *
 * <p>Derivative 0 everywhere, x = 0 included (the jump has no finite derivative; PyTorch's
 * {@code torch.heaviside} has no gradient at all). The threshold unit of McCulloch &amp; Pitts (1943) and
 * Rosenblatt's perceptron (1958).
 *
 * <p>The notes' "naive activation": it shows why activations need useful derivatives. Gradient descent cannot
 * train through it, because the gradient is zero almost everywhere. Use it only for inference-time decisions or to
 * teach; train with sigmoid (or a straight-through estimator) instead.
 */
public final class Heaviside implements Activation {

  private static final Spec SPEC = Spec.builder("heaviside")
      .aliases("binary_step")
      .name("Heaviside step")
      .family(Family.RELU)
      .formula("\\begin{cases} 1 & x > 0 \\\\ v & x = 0 \\\\ 0 & x < 0 \\end{cases}, \\quad v = \\text{values}")
      .derivative("0")
      .reference("W. McCulloch, W. Pitts, A Logical Calculus of the Ideas Immanent in Nervous Activity, Bulletin "
          + "of Mathematical Biophysics 1943; PyTorch torch.heaviside")
      .param(Param.of("values", 1.0, "output at x = 0 (torch.heaviside's values)"))
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.DISCONTINUOUS)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.NOT_GRADIENT_TRAINABLE)
      .kinks(Kink.jump(0, 0, "the step has no derivative at 0; we return 0 as everywhere else (torch.heaviside "
          + "has no autograd formula)"))
      .plot(-3, 3)
      .notes("The naive activation of the notes: a hard on/off decision. Its derivative is 0 everywhere, so "
          + "backpropagation passes no signal and gradient descent cannot train the layers below it. Use it for "
          + "teaching or hard decisions at inference; train with sigmoid or a straight-through estimator.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      return 1.0;
    }
    return x < 0 ? 0.0 : x == 0 ? p[0] : x; // -0.0 counts as 0; NaN stays NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x == x ? 0.0 : x;
  }
}
