package org.actlab.nn.optim;

import java.util.List;

/**
 * The Adam step shared by {@link Adam} (L2 penalty added to the gradient) and {@link AdamW} (decoupled decay),
 * exactly as PyTorch (https://pytorch.org/docs/stable/generated/torch.optim.Adam.html, .../torch.optim.AdamW.html):
 * <pre>
 *   t ← t + 1
 *   Adam:  g ← g + weight_decay·p          AdamW:  p ← p·(1 − lr·weight_decay)
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²                 amsgrad: v̂ ← max(v̂, v), used instead of v below
 *   p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + eps)
 * </pre>
 * The last line is the paper's m̂/(√v̂ + eps) with m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), arranged as PyTorch
 * does; eps is added after the bias correction (the paper's "efficient version" with ε̂ differs for large eps).
 */
public abstract sealed class AdamBase extends BaseOptimizer permits Adam, AdamW {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean amsgrad;
  private final boolean decoupled;

  AdamBase(String id, Hyper h, boolean decoupled) {
    super(id, h.get("lr"));
    beta1 = h.unit("beta1");
    beta2 = h.unit("beta2");
    eps = h.positive("eps");
    weightDecay = h.nonNegative("weight_decay");
    amsgrad = h.flag("amsgrad");
    this.decoupled = decoupled;
  }

  @Override
  protected final List<String> slotNames() {
    return amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq");
  }

  @Override
  protected final boolean countsSteps() {
    return true;
  }

  @Override
  protected final void update(float[] w, float[] g, float[][] state, long step, boolean fresh) {
    float[] m = state[0];
    float[] v = state[1];
    double lr = learningRate();
    double stepSize = lr / (1 - Math.pow(beta1, step));
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
    double shrink = decoupled ? 1 - lr * weightDecay : 1;
    double l2 = decoupled ? 0 : weightDecay;
    for (int i = 0; i < w.length; i++) {
      double p = decoupled ? (float) (w[i] * shrink) : w[i];
      double gi = g[i] + l2 * p;
      m[i] = (float) (beta1 * m[i] + (1 - beta1) * gi);
      v[i] = (float) (beta2 * v[i] + (1 - beta2) * gi * gi);
      double second = v[i];
      if (amsgrad) {
        state[2][i] = Math.max(state[2][i], v[i]);
        second = state[2][i];
      }
      w[i] = (float) (p - stepSize * m[i] / (Math.sqrt(second) / bc2Sqrt + eps));
    }
  }

  @Override
  protected final String describeRest() {
    return ", betas=(" + Hyper.fmt(beta1) + ", " + Hyper.fmt(beta2) + "), eps=" + Hyper.fmt(eps)
        + ", weight_decay=" + Hyper.fmt(weightDecay) + (amsgrad ? ", amsgrad=True" : "");
  }
}
