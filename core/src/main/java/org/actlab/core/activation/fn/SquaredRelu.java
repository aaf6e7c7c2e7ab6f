package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Squared ReLU: {@code max(0, x)²}.
 *
 * <p>Derivative {@code 2·max(0, x)}: continuous (0 on both sides of 0), so the function is C¹ with no kink; only
 * the second derivative jumps. So, Mańke, Liu, Dai, Shazeer &amp; Le, Primer (2021).
 *
 * <p>Found by architecture search for transformer feed-forward layers, where it beat gelu at equal cost. Grows
 * quadratically, so large inputs give large outputs and gradients: keep it behind normalisation. Dies like relu
 * for negative inputs.
 */
public final class SquaredRelu implements Activation {

  private static final Spec SPEC = Spec.builder("squared_relu")
      .name("Squared ReLU")
      .family(Family.RELU)
      .formula("\\max(0, x)^2")
      .derivative("2 \\max(0, x)")
      .reference("D. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. Le, Primer: Searching for Efficient "
          + "Transformers for Language Modeling, NeurIPS 2021")
      .range(Range.atLeast(0))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .plot(-3, 3)
      .notes("Primer's activation for transformer feed-forward blocks: relu squared, as cheap as relu and better "
          + "than gelu there. Unbounded and quadratic, so outputs and gradients grow fast for large inputs: use "
          + "it behind layer normalisation. Zero gradient for x < 0 (dying units), and the gradient near 0 is "
          + "small. Not zero-centred.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > 0 ? x * x : x == x ? 0.0 : x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > 0 ? 2 * x : x == x ? 0.0 : x;
  }
}
