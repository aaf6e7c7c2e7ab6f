package org.actlab.nn.layer;

import org.actlab.core.math.Stable;

/**
 * The lecture notes' gated activation (slide 11), taken literally:
 * {@code z = σ(a + h_{t−1})}, {@code h_t = z·tanh(a) + (1 − z)·h_{t−1}}, elementwise, where {@code a} is the
 * step's full pre-activation {@code W_x x_t + W_h h_{t−1} + b}. The gate has no weights of its own, unlike a
 * GRU's update gate; it is a leaky interpolation between the candidate {@code tanh(a)} and the old state.
 *
 * <p>Computed as {@code h_{t−1} + z·(tanh a − h_{t−1})}, with {@code 1 − z = σ(−(a + h_{t−1}))} and
 * {@code z(1−z) = σ'(a + h_{t−1})} from {@link Stable} (no {@code z(1−z)} cancellation). Exact derivatives, with
 * {@code d = tanh a − h_{t−1}}: {@code ∂h/∂a = σ'·d + z·sech²(a)} and {@code ∂h/∂h_{t−1} = σ'·d + (1 − z)}
 * (the direct path; {@code a} also depends on {@code h_{t−1}} through {@code W_h}, which the layer adds).
 * The {@code (1 − z)} term is an additive path through time, so gradients vanish more slowly than in a plain
 * tanh RNN while the gate is open to the old state.
 */
public final class GatedTanh implements RecurrentActivation {

  @Override
  public void forward(float[] a, float[] hPrev, int t, float[] h) {
    for (int i = 0; i < a.length; i++) {
      double ai = a[i];
      double hp = hPrev[i];
      double z = Stable.sigmoid(ai + hp);
      h[i] = (float) (hp + z * (Math.tanh(ai) - hp));
    }
  }

  @Override
  public void backward(float[] a, float[] hPrev, float[] h, int t, float[] dh, float[] da, float[] dhPrev) {
    for (int i = 0; i < a.length; i++) {
      double ai = a[i];
      double hp = hPrev[i];
      double s = ai + hp;
      double gate = Stable.sigmoidDerivative(s) * (Math.tanh(ai) - hp);
      double g = dh[i];
      da[i] = (float) (g * (gate + Stable.sigmoid(s) * Stable.sech2(ai)));
      dhPrev[i] += (float) (g * (gate + Stable.sigmoid(-s)));
    }
  }

  @Override
  public String describe() {
    return "gated_tanh";
  }
}
