package org.actlab.nn.optim;

import java.util.Map;

/**
 * SGD with heavy-ball momentum in PyTorch's form ({@code torch.optim.SGD(momentum=μ, dampening=d)}):
 * {@code b ← μ·b + (1−d)·g} (b = g on the first step), {@code p ← p − lr·b}; see {@link SgdMomentumBase}.
 *
 * <p>Defaults: {@code lr=0.001} and {@code dampening=0}, {@code weight_decay=0} as PyTorch; {@code momentum=0.9}
 * (PyTorch's default 0 would make this plain {@link Sgd}; 0.9 is the customary value the notes use). Momentum
 * accumulates a velocity along consistent gradient directions and damps oscillation across a ravine; with
 * μ = 0.9 the effective step along a constant gradient is 10·lr, so pick lr accordingly.
 * Reference: https://pytorch.org/docs/stable/generated/torch.optim.SGD.html; Polyak 1964.
 */
public final class Momentum extends SgdMomentumBase {

  public static final Map<String, Double> DEFAULTS =
      Hyper.defaults("lr", 1e-3, "momentum", 0.9, "dampening", 0, "weight_decay", 0);

  public Momentum() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public Momentum(Map<String, Double> options) {
    this(Hyper.read("momentum", DEFAULTS, options));
  }

  private Momentum(Hyper h) {
    super("momentum", h.get("lr"), h.unit("momentum"), dampening(h), h.nonNegative("weight_decay"), false);
  }

  private static double dampening(Hyper h) {
    double d = h.get("dampening");
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("momentum: dampening must be in [0, 1] (got " + d + ")");
    }
    return d;
  }
}
