package org.actlab.nn.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Hinton, Coursera "Neural Networks for Machine Learning", lecture 6e, 2012) exactly as PyTorch's
 * {@code torch.optim.RMSprop} (https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html):
 * <pre>
 *   g ← g + weight_decay·p
 *   v ← α·v + (1 − α)·g²
 *   centered:  ḡ ← α·ḡ + (1 − α)·g;  d ← √(v − ḡ²) + eps     otherwise  d ← √v + eps
 *   momentum &gt; 0:  b ← μ·b + g/d;  p ← p − lr·b              otherwise  p ← p − lr·g/d
 * </pre>
 * Defaults as PyTorch: {@code lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=0}. Buffers
 * as PyTorch: {@code square_avg}, plus {@code momentum_buffer} if momentum &gt; 0 and {@code grad_avg} if
 * centered. One deliberate difference: v − ḡ² (a variance, never negative in exact arithmetic) is clamped at 0
 * before the square root so that rounding cannot produce NaN.
 *
 * <p>The moving average forgets old gradients, curing Adagrad's ever-shrinking step; note eps is added outside
 * the square root (TensorFlow adds it inside), which matters when gradients are tiny.
 */
public final class RmsProp extends BaseOptimizer {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-2, "alpha", 0.99, "eps", 1e-8,
      "weight_decay", 0, "momentum", 0, "centered", 0);

  private final double alpha;
  private final double eps;
  private final double weightDecay;
  private final double momentum;
  private final boolean centered;
  private final List<String> slots = new ArrayList<>(List.of("square_avg"));

  public RmsProp() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public RmsProp(Map<String, Double> options) {
    this(Hyper.read("rmsprop", DEFAULTS, options));
  }

  private RmsProp(Hyper h) {
    super("rmsprop", h.get("lr"));
    alpha = h.unit("alpha");
    eps = h.positive("eps");
    weightDecay = h.nonNegative("weight_decay");
    momentum = h.unit("momentum");
    centered = h.flag("centered");
    if (momentum > 0) {
      slots.add("momentum_buffer");
    }
    if (centered) {
      slots.add("grad_avg");
    }
  }

  @Override
  protected List<String> slotNames() {
    return slots;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] state, long step, boolean fresh) {
    float[] v = state[0];
    float[] b = momentum > 0 ? state[1] : null;
    float[] avg = centered ? state[state.length - 1] : null;
    double lr = learningRate();
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      v[i] = (float) (alpha * v[i] + (1 - alpha) * gi * gi);
      double var = v[i];
      if (centered) {
        avg[i] = (float) (alpha * avg[i] + (1 - alpha) * gi);
        var = Math.max(0, var - (double) avg[i] * avg[i]);
      }
      double d = Math.sqrt(var) + eps;
      if (b != null) {
        b[i] = (float) (momentum * b[i] + gi / d);
        w[i] = (float) (w[i] - lr * b[i]);
      } else {
        w[i] = (float) (w[i] - lr * gi / d);
      }
    }
  }

  @Override
  protected String describeRest() {
    return ", alpha=" + Hyper.fmt(alpha) + ", eps=" + Hyper.fmt(eps) + ", weight_decay=" + Hyper.fmt(weightDecay)
        + ", momentum=" + Hyper.fmt(momentum) + ", centered=" + (centered ? "True" : "False");
  }
}
