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
 * Threshold: {@code x} for x &gt; threshold, {@code value} otherwise.
 *
 * <p>Derivative 1 for x &gt; threshold and 0 otherwise, also at x = threshold (PyTorch's autograd passes only
 * {@code x > threshold}). PyTorch {@code torch.nn.Threshold}, which has no defaults; ours (0, 0) make it relu.
 *
 * <p>A generalised relu. Unless {@code value == threshold} it jumps at the threshold, and the jump is invisible to
 * the gradient; below the threshold no gradient flows at all, so units can die as relu units do.
 */
public final class Threshold implements Activation {

  private static final Spec SPEC = Spec.builder("threshold")
      .name("Threshold")
      .family(Family.RELU)
      .formula("\\begin{cases} x & x > t \\\\ v & x \\le t \\end{cases}, \\quad t = \\text{threshold}, "
          + "v = \\text{value}")
      .derivative("\\begin{cases} 1 & x > t \\\\ 0 & x \\le t \\end{cases}")
      .reference("PyTorch torch.nn.Threshold")
      .param(Param.of("threshold", 0.0, "inputs above it pass unchanged"))
      .param(Param.of("value", 0.0, "output for inputs at or below the threshold"))
      .range(Range.atLeast(0))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(Threshold::kinks)
      .plot(-4, 4)
      .notes("Passes x above the threshold and replaces everything else by a constant value. At the defaults "
          + "(threshold = value = 0) it is relu, with relu's dying-unit risk. With value != threshold the function "
          + "jumps at the threshold (discontinuous) and the gradient ignores the jump; prefer relu or leaky_relu "
          + "for hidden layers.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > p[0] ? x : x == x ? p[1] : x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > p[0] ? 1.0 : x == x ? 0.0 : x;
  }

  private static List<Kink> kinks(double[] p) {
    String why = "PyTorch autograd: threshold'(t) = 0 (threshold_backward passes only x > t)";
    return List.of(p[1] == p[0] ? Kink.corner(p[0], 0, why) : Kink.jump(p[0], 0, why));
  }
}
