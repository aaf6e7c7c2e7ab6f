package org.actlab.nn.optim;

import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR 2011) exactly as PyTorch's {@code torch.optim.Adagrad}
 * (https://pytorch.org/docs/stable/generated/torch.optim.Adagrad.html):
 * <pre>
 *   t ← t + 1;  g ← g + weight_decay·p
 *   lr_t ← lr / (1 + (t − 1)·lr_decay)
 *   sum ← sum + g²
 *   p ← p − lr_t · g / (√sum + eps)
 * </pre>
 * Defaults as PyTorch: {@code lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10}.
 *
 * <p>Each coordinate gets its own step size, large for rarely updated (sparse) features; the notes show it
 * helping on sparse inputs. The accumulated sum only grows, so the step shrinks like 1/√t and training can stall
 * long before the optimum: prefer {@link RmsProp} or {@link Adam} for long runs.
 */
public final class Adagrad extends BaseOptimizer {

  public static final Map<String, Double> DEFAULTS = Hyper.defaults("lr", 1e-2, "lr_decay", 0, "weight_decay", 0,
      "initial_accumulator_value", 0, "eps", 1e-10);

  private final double lrDecay;
  private final double weightDecay;
  private final double initial;
  private final double eps;

  public Adagrad() {
    this(Map.of());
  }

  /** @throws IllegalArgumentException for an unknown option or a value out of range */
  public Adagrad(Map<String, Double> options) {
    this(Hyper.read("adagrad", DEFAULTS, options));
  }

  private Adagrad(Hyper h) {
    super("adagrad", h.get("lr"));
    lrDecay = h.nonNegative("lr_decay");
    weightDecay = h.nonNegative("weight_decay");
    initial = h.nonNegative("initial_accumulator_value");
    eps = h.positive("eps");
  }

  @Override
  protected List<String> slotNames() {
    return List.of("sum");
  }

  @Override
  protected boolean countsSteps() {
    return true;
  }

  @Override
  protected float initialValue(String slot) {
    return (float) initial;
  }

  @Override
  protected void update(float[] w, float[] g, float[][] state, long step, boolean fresh) {
    float[] sum = state[0];
    double clr = learningRate() / (1 + (step - 1) * lrDecay);
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      sum[i] = (float) (sum[i] + gi * gi);
      w[i] = (float) (w[i] - clr * gi / (Math.sqrt(sum[i]) + eps));
    }
  }

  @Override
  protected String describeRest() {
    return ", lr_decay=" + Hyper.fmt(lrDecay) + ", weight_decay=" + Hyper.fmt(weightDecay)
        + ", initial_accumulator_value=" + Hyper.fmt(initial) + ", eps=" + Hyper.fmt(eps);
  }
}
