package org.actlab.nn.optim;

import java.util.Map;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) as PyTorch's
 * {@code torch.optim.Adam} (https://pytorch.org/docs/stable/generated/torch.optim.Adam.html); the update is in
 * {@link AdamBase}. Defaults as PyTorch: {@code lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0,
 * amsgrad=0} (PyTorch's {@code betas=(0.9, 0.999)} as two options, since CLI options are numbers).
 *
 * <p>Momentum on the gradient plus an RMSprop-style per-coordinate scale, with bias correction so that the first
 * steps are not tiny; the robust default for most networks. Its {@code weight_decay} is an L2 penalty that the
 * adaptive scale weakens for coordinates with large gradients: use {@link AdamW} for true weight decay.
 */
public final class Adam extends AdamBase {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-3, "beta1", 0.9, "beta2", 0.999,
      "eps", 1e-8, "weight_decay", 0, "amsgrad", 0);

  public Adam() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public Adam(Map<String, Double> options) {
    super("adam", Hyper.read("adam", DEFAULTS, options), false);
  }
}
