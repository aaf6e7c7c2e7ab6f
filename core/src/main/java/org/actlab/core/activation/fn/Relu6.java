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
 * ReLU capped at six: {@code min(max(0, x), 6)}.
 *
 * <p>Derivative 1 for 0 &lt; x &lt; 6 and 0 otherwise; at both kinks (0 and 6) we return 0, as PyTorch's autograd
 * does (it is hardtanh(0, 6), whose gradient passes only strictly inside). Krizhevsky (2010); MobileNet (Howard
 * et al., 2017) made it popular.
 *
 * <p>The cap keeps activations in a fixed range, which suits low-precision (fixed-point, int8) inference. The
 * price: it saturates on both sides, so units stuck above 6 get no gradient, as well as those below 0.
 */
public final class Relu6 implements Activation {

  private static final Spec SPEC = Spec.builder("relu6")
      .name("ReLU6")
      .family(Family.RELU)
      .formula("\\min(\\max(0, x), 6)")
      .derivative("\\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}")
      .reference("A. Krizhevsky, Convolutional Deep Belief Networks on CIFAR-10, 2010; PyTorch torch.nn.ReLU6")
      .range(Range.closed(0, 6))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(Kink.corner(0, 0, "PyTorch autograd: relu6'(0) = 0 (hardtanh_backward passes only 0 < x < 6)"),
          Kink.corner(6, 0, "PyTorch autograd: relu6'(6) = 0 (hardtanh_backward passes only 0 < x < 6)"))
      .plot(-2, 8)
      .notes("Relu with a ceiling at 6: bounded activations suit low-precision and mobile inference (MobileNet). "
          + "Saturates on both sides, so units pushed above 6 stop learning as well as those below 0 (dying "
          + "units on both ends). Not zero-centred. Prefer plain relu unless you need the bound.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      return x < 6 ? x : 6.0;
    }
    return x == x ? 0.0 : x; // NaN stays NaN; -0.0 and negatives give +0.0
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > 0 && x < 6 ? 1.0 : x == x ? 0.0 : x;
  }
}
