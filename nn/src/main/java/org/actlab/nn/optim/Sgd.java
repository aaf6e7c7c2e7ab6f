package org.actlab.nn.optim;

import java.util.List;
import java.util.Map;

/**
 * Plain stochastic gradient descent, PyTorch's {@code torch.optim.SGD} with {@code momentum=0}:
 * {@code g ← g + weight_decay·p; p ← p − lr·g}. Stateless ({@link #state()} is always empty).
 *
 * <p>Defaults as PyTorch 2.x: {@code lr=0.001}, {@code weight_decay=0}. Reference:
 * https://pytorch.org/docs/stable/generated/torch.optim.SGD.html. Plain SGD is the baseline the notes compare
 * everything with: slow along shallow directions, oscillating along steep ones; see {@link Momentum}.
 */
public final class Sgd extends BaseOptimizer {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-3, "weight_decay", 0);

  private final double weightDecay;

  public Sgd() {
    this(Map.of());
  }

  public Sgd(double lr) {
    this(Map.of("lr", lr));
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public Sgd(Map<String, Double> options) {
    this(Hyper.read("sgd", DEFAULTS, options));
  }

  private Sgd(Hyper h) {
    super("sgd", h.get("lr"));
    weightDecay = h.nonNegative("weight_decay");
  }

  @Override
  protected List<String> slotNames() {
    return List.of();
  }

  @Override
  protected void update(float[] w, float[] g, float[][] state, long step, boolean fresh) {
    double lr = learningRate();
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      w[i] = (float) (w[i] - lr * gi);
    }
  }

  @Override
  protected String describeRest() {
    return ", weight_decay=" + Hyper.fmt(weightDecay);
  }
}
