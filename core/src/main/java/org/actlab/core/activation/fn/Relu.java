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
 * Rectified linear unit: {@code max(0, x)}.
 *
 * <p>Derivative 1 for x &gt; 0 and 0 otherwise; at the kink x = 0 we return 0, as PyTorch's autograd does.
 * Nair &amp; Hinton (2010); Glorot, Bordes &amp; Bengio (2011).
 *
 * <p>The default choice for hidden layers: cheap, non-saturating for x &gt; 0, sparse. Watch for dying units: a
 * unit whose pre-activation stays negative gets zero gradient forever (high learning rates, bad init, large
 * negative bias). Not zero-centred. Pair with He initialisation.
 */
public final class Relu implements Activation {

  private static final Spec SPEC = Spec.builder("relu")
      .name("ReLU")
      .family(Family.RELU)
      .formula("\\max(0, x)")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}")
      .reference("V. Nair, G. Hinton, Rectified Linear Units Improve Restricted Boltzmann Machines, ICML 2010")
      .range(Range.atLeast(0))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(Kink.corner(0, 0, "PyTorch autograd: relu'(0) = 0 (threshold_backward passes only x > 0)"))
      .plot(-4, 4)
      .notes("Default for hidden layers: cheap, sparse, no saturation for x > 0, so deep nets train without "
          + "vanishing gradients. Units whose input stays negative get zero gradient and can die (dying ReLU): "
          + "watch the dead-unit fraction, lower the learning rate, or use leaky_relu/elu. Not zero-centred. "
          + "Use He (Kaiming) initialisation.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > 0 ? x : x == x ? 0.0 : x; // NaN stays NaN; -0.0 and negatives give +0.0
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > 0 ? 1.0 : x == x ? 0.0 : x;
  }
}
