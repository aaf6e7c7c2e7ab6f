package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

/**
 * Rectified tanh {@code max(0, tanh x)}: a relu whose positive side saturates at 1.
 *
 * <p>Derivative {@code sech²x} for x &gt; 0 (computed without the {@code 1 − tanh²} cancellation) and 0
 * otherwise; at the kink x = 0 we return 0, the relu convention (PyTorch's autograd for {@code relu(tanh(x))}
 * gives the same). We know of no single defining paper; the defining source we follow is Deeplearning4j's
 * {@code ActivationRectifiedTanh} (ND4J: "max(0, tanh(in))"). It is also a common firing-rate nonlinearity in
 * computational-neuroscience network models.
 *
 * <p>Sparse like relu and bounded like tanh, so activations cannot blow up; but it inherits both weaknesses:
 * dying units on the negative side and vanishing gradients on the positive side. Rarely the right choice for
 * deep networks. Not zero-centred.
 */
public final class RectifiedTanh implements Activation {

  private static final Spec SPEC = Spec.builder("rectified_tanh")
      .name("Rectified tanh")
      .family(Family.SIGMOID)
      .formula("\\max(0, \\tanh x)")
      .derivative("\\begin{cases} \\operatorname{sech}^2 x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}")
      .reference("DL4J (Eclipse Deeplearning4j) ActivationRectifiedTanh, max(0, tanh x); no single defining paper known")
      .range(new Range(0, 1, true, false))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(Kink.corner(0, 0, "relu convention, as PyTorch autograd gives for relu(tanh(x)): derivative 0 at 0"))
      .plot(-3, 4)
      .notes("Sparse (exact zeros for x <= 0) and bounded in [0, 1), so activations never explode. It combines the "
          + "failure modes of relu and tanh: units with negative input die (zero gradient), and large positive "
          + "inputs saturate (vanishing gradient). Not zero-centred. Mostly of didactic interest.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > 0 ? Math.tanh(x) : x == x ? 0.0 : x; // NaN stays NaN; -0.0 and negatives give +0.0
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > 0 ? Stable.sech2(x) : x == x ? 0.0 : x;
  }
}
