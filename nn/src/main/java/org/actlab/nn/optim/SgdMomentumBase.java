package org.actlab.nn.optim;

import java.util.List;

/**
 * PyTorch's SGD momentum step, shared by {@link Momentum} and {@link Nesterov}
 * (https://pytorch.org/docs/stable/generated/torch.optim.SGD.html):
 * <pre>
 *   g ← g + weight_decay·p
 *   b ← g                          on the first step (buffer created as a copy of g, no dampening)
 *   b ← μ·b + (1 − dampening)·g    afterwards
 *   g ← g + μ·b  (nesterov)   or   g ← b
 *   p ← p − lr·g
 * </pre>
 * Note lr multiplies the buffer, not the gradient inside it (unlike Sutskever et al. 2013's v = μv − lr·g);
 * the two coincide for a constant lr but differ when a schedule changes lr.
 */
public abstract sealed class SgdMomentumBase extends BaseOptimizer permits Momentum, Nesterov {

  private final double momentum;
  private final double dampening;
  private final double weightDecay;
  private final boolean nesterov;

  SgdMomentumBase(String id, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
    super(id, lr);
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  @Override
  protected final List<String> slotNames() {
    return List.of("momentum_buffer");
  }

  @Override
  protected final void update(float[] w, float[] g, float[][] state, long step, boolean fresh) {
    float[] b = state[0];
    double lr = learningRate();
    for (int i = 0; i < w.length; i++) {
      double gi = g[i] + weightDecay * w[i];
      b[i] = (float) (fresh ? gi : momentum * b[i] + (1 - dampening) * gi);
      double d = nesterov ? gi + momentum * b[i] : b[i];
      w[i] = (float) (w[i] - lr * d);
    }
  }

  @Override
  protected String describeRest() {
    return ", momentum=" + Hyper.fmt(momentum) + (nesterov ? "" : ", dampening=" + Hyper.fmt(dampening))
        + ", weight_decay=" + Hyper.fmt(weightDecay) + (nesterov ? ", nesterov=True" : "");
  }
}
