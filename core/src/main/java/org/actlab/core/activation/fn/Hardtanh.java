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
 * Hard tanh: {@code x} clipped to {@code [min_val, max_val]}.
 *
 * <p>Derivative 1 for min_val &lt; x &lt; max_val and 0 otherwise, also at both ends, as PyTorch's autograd
 * (hardtanh_backward passes only strictly inside). Collobert (2004).
 *
 * <p>A piecewise-linear tanh: cheap, bounded, zero-centred, no exp. Saturates on both sides with an exactly zero
 * gradient outside the interval, so units clipped for good stop learning.
 */
public final class Hardtanh implements Activation {

  private static final Spec SPEC = Spec.builder("hardtanh")
      .name("Hardtanh")
      .family(Family.RELU)
      .formula("\\min(\\max(x, m), M), \\quad m = \\text{min\\_val}, M = \\text{max\\_val}")
      .derivative("\\begin{cases} 1 & m < x < M \\\\ 0 & \\text{otherwise} \\end{cases}")
      .reference("R. Collobert, Large Scale Machine Learning, PhD thesis, Universite Paris VI, 2004; "
          + "PyTorch torch.nn.Hardtanh")
      .param(Param.of("min_val", -1.0, "lower clip value, below max_val"))
      .param(Param.of("max_val", 1.0, "upper clip value, above min_val"))
      .range(Range.closed(-1, 1))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .kinks(p -> List.of(
          Kink.corner(p[0], 0, "PyTorch autograd: hardtanh'(min_val) = 0 (passes only min_val < x < max_val)"),
          Kink.corner(p[1], 0, "PyTorch autograd: hardtanh'(max_val) = 0 (passes only min_val < x < max_val)")))
      .plot(-3, 3)
      .notes("A cheap, zero-centred, bounded stand-in for tanh, common in low-precision and binarised networks. "
          + "The gradient is exactly 0 outside [min_val, max_val], so saturated units stop learning. The notes' "
          + "'approximate tanh' that clips its input is exactly this function, not an approximation of tanh's "
          + "curve.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x < p[0] ? p[0] : x > p[1] ? p[1] : x; // NaN fails both tests and stays NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > p[0] && x < p[1] ? 1.0 : x == x ? 0.0 : x;
  }

  @Override
  public void validate(double[] p) {
    if (!(p[0] < p[1])) {
      throw new IllegalArgumentException("hardtanh: min_val (" + p[0] + ") must be less than max_val (" + p[1]
          + ")");
    }
  }
}
