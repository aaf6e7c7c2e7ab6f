package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

/**
 * The logistic sigmoid {@code σ(x) = 1/(1 + e^{-x})}.
 *
 * <p>Derivative {@code σ(x)σ(−x)}, computed as {@code e^{-|x|}/(1+e^{-|x|})²}: the textbook {@code σ(1−σ)}
 * loses every digit in the tails (NUMERICS.md §2). Rumelhart, Hinton &amp; Williams (1986).
 *
 * <p>Use it as an output for probabilities and as a gate (LSTM/GRU, GLU). Avoid stacking it in deep hidden
 * layers: the derivative is at most 1/4 and vanishes on both sides, and the output is not zero-centred.
 */
public final class Sigmoid implements Activation {

  private static final Spec SPEC = Spec.builder("sigmoid")
      .aliases("logistic")
      .name("Sigmoid")
      .family(Family.SIGMOID)
      .formula("\\sigma(x) = \\frac{1}{1 + e^{-x}}")
      .derivative("\\sigma(x)\\,\\sigma(-x)")
      .reference("D. Rumelhart, G. Hinton, R. Williams, Learning representations by back-propagating errors, "
          + "Nature 1986")
      .range(Range.open(0, 1))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC)
      .plot(-8, 8)
      .notes("Output layer for binary probabilities and the gate inside LSTM/GRU/GLU. Poor in deep hidden "
          + "layers: its derivative is at most 0.25, so gradients shrink geometrically with depth (vanishing "
          + "gradients), it saturates on both sides, and outputs are not zero-centred (mean 0.5). Prefer tanh or "
          + "relu-like units inside the network; use Xavier initialisation if you must.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return Stable.sigmoid(x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return Stable.sigmoidDerivative(x);
  }
}
