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
 * The log of the sigmoid, {@code ln σ(x) = −ln(1 + e^{-x})}.
 *
 * <p>Derivative {@code σ(−x)}. Computed as {@code min(x, 0) − log1p(e^{-|x|})} (NUMERICS.md §4), which neither
 * overflows for very negative x (where {@code log(sigmoid(x))} gives −∞) nor loses the tiny values for large x.
 * The function PyTorch ships as {@code torch.nn.LogSigmoid}.
 *
 * <p>Mostly a building block of losses (binary cross-entropy from logits, negative sampling), where it is far
 * more stable than {@code log(sigmoid(x))}. As a hidden activation it behaves like a negated softplus of −x:
 * unbounded below, saturating for large positive x, never zero-centred.
 */
public final class Logsigmoid implements Activation {

  private static final Spec SPEC = Spec.builder("logsigmoid")
      .name("LogSigmoid")
      .family(Family.SIGMOID)
      .formula("\\log \\sigma(x) = -\\log(1 + e^{-x})")
      .derivative("\\sigma(-x) = \\frac{1}{1 + e^{x}}")
      .reference("PyTorch torch.nn.LogSigmoid")
      .range(Range.open(Double.NEGATIVE_INFINITY, 0))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.POSITIVE)
      .properties(Property.MONOTONIC)
      .plot(-6, 6)
      .notes("Use it inside losses: log-likelihoods of sigmoid outputs (binary cross-entropy on logits, word2vec's "
          + "negative sampling) computed without overflow or log(0). As a hidden activation it is unusual: "
          + "outputs are always negative (mean about -0.81 for N(0,1) input), the gradient vanishes for large "
          + "positive x and tends to 1 for negative x, like a mirrored softplus.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return Stable.logSigmoid(x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return Stable.sigmoid(-x);
  }
}
