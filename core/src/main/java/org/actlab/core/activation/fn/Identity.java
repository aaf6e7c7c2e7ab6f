package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * The identity (linear) activation: {@code f(x) = x}.
 *
 * <p>Derivative 1 everywhere. Keras {@code activations.linear}, PyTorch {@code torch.nn.Identity}.
 *
 * <p>Use it as the output of a regression head, or as the baseline that shows why nonlinearity matters: a stack of
 * linear layers with identity activations is a single linear map, however deep. It passes N(0,1) input through
 * unchanged, so it is trivially zero-centred and self-normalising.
 */
public final class Identity implements Activation {

  private static final Spec SPEC = Spec.builder("identity")
      .aliases("linear")
      .name("Identity")
      .family(Family.RELU)
      .formula("x")
      .derivative("1")
      .reference("Keras activations.linear; PyTorch torch.nn.Identity")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED,
          Property.SELF_NORMALISING)
      .plot(-4, 4)
      .notes("No nonlinearity: use it for regression outputs (unbounded real targets) or as a baseline. Stacked "
          + "linear layers with identity activations collapse into one linear map, so hidden layers need a "
          + "nonlinear activation. The gradient is exactly 1: nothing vanishes, nothing dies.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x == x ? 1.0 : x; // NaN in gives NaN out
  }
}
