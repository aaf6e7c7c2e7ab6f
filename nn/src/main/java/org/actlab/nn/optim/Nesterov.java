package org.actlab.nn.optim;

import java.util.Map;

/**
 * SGD with Nesterov momentum in PyTorch's form ({@code torch.optim.SGD(momentum=μ, nesterov=True)}):
 * {@code b ← μ·b + g} (b = g on the first step), {@code p ← p − lr·(g + μ·b)}; see {@link SgdMomentumBase}.
 * This is Sutskever et al. (2013)'s reformulation of Nesterov's accelerated gradient that evaluates the gradient
 * at the current point instead of the look-ahead point.
 *
 * <p>Defaults: {@code lr=0.001}, {@code weight_decay=0} as PyTorch, {@code momentum=0.9} (PyTorch requires a
 * positive momentum and zero dampening for nesterov, so there is no dampening option). The look-ahead term
 * brakes earlier than heavy-ball momentum, overshooting less (the notes' NAG converges in 24 epochs where
 * momentum takes 49). Reference: https://pytorch.org/docs/stable/generated/torch.optim.SGD.html.
 */
public final class Nesterov extends SgdMomentumBase {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-3, "momentum", 0.9, "weight_decay", 0);

  public Nesterov() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public Nesterov(Map<String, Double> options) {
    this(Hyper.read("nesterov", DEFAULTS, options));
  }

  private Nesterov(Hyper h) {
    super("nesterov", h.get("lr"), positiveMomentum(h), 0, h.nonNegative("weight_decay"), true);
  }

  private static double positiveMomentum(Hyper h) {
    double m = h.unit("momentum");
    if (m == 0) {
      throw new IllegalArgumentException("nesterov: momentum must be > 0 (Nesterov momentum requires a momentum);"
          + " use sgd for momentum 0");
    }
    return m;
  }
}
