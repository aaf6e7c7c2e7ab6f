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
 * Thresholded ReLU: {@code x} for x &gt; theta, 0 otherwise.
 *
 * <p>Derivative 1 for x &gt; theta and 0 otherwise, also at theta ({@code x > theta} passes, as Keras).
 * Konda, Memisevic &amp; Krueger (2015); Keras {@code ThresholdedReLU}.
 *
 * <p>Introduced for zero-bias autoencoders: the threshold replaces a negative bias. It jumps from 0 to theta at
 * theta, and inputs below theta get no gradient, so units can die as relu units do.
 */
public final class ThresholdedRelu implements Activation {

  private static final Spec SPEC = Spec.builder("thresholded_relu")
      .name("Thresholded ReLU")
      .family(Family.RELU)
      .formula("\\begin{cases} x & x > \\theta \\\\ 0 & x \\le \\theta \\end{cases}")
      .derivative("\\begin{cases} 1 & x > \\theta \\\\ 0 & x \\le \\theta \\end{cases}")
      .reference("K. Konda, R. Memisevic, D. Krueger, Zero-bias autoencoders and the benefits of co-adapting "
          + "features, ICLR 2015; Keras ThresholdedReLU")
      .param(Param.of("theta", 1.0, "inputs above it pass unchanged (Keras requires theta >= 0)").atLeast(0))
      .range(Range.atLeast(0))
      .smoothness(Smoothness.DISCONTINUOUS)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(p -> List.of(p[0] == 0
          ? Kink.corner(0, 0, "Keras: x > theta passes, so the derivative at theta = 0 is 0 (relu)")
          : Kink.jump(p[0], 0, "Keras: x > theta passes, so the derivative at theta is 0")))
      .plot(-2, 4)
      .notes("Relu with the cut moved to theta: outputs are 0 up to theta and jump to theta there. Designed for "
          + "zero-bias autoencoders, where it replaces a learned negative bias and keeps codes sparse. The jump "
          + "is invisible to the gradient and inputs below theta get none, so units can die; prefer relu in "
          + "ordinary hidden layers.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > p[0] ? x : x == x ? 0.0 : x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > p[0] ? 1.0 : x == x ? 0.0 : x;
  }
}
