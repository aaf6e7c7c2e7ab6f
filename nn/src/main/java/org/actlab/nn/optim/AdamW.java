package org.actlab.nn.optim;

import java.util.Map;

/**
 * AdamW (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019) as PyTorch's
 * {@code torch.optim.AdamW} (https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html): the parameter is
 * first shrunk, {@code p ← p·(1 − lr·weight_decay)}, then takes Adam's step without any penalty in the gradient
 * (see {@link AdamBase}). Defaults as PyTorch: {@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8,
 * weight_decay=0.01, amsgrad=0}.
 *
 * <p>Decoupling makes the decay the same relative shrink for every weight whatever its gradient history, which
 * is what regularisation intends; with a schedule the decay follows lr, as in PyTorch.
 */
public final class AdamW extends AdamBase {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-3, "beta1", 0.9, "beta2", 0.999,
      "eps", 1e-8, "weight_decay", 1e-2, "amsgrad", 0);

  public AdamW() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public AdamW(Map<String, Double> options) {
    super("adamw", Hyper.read("adamw", DEFAULTS, options), true);
  }
}
