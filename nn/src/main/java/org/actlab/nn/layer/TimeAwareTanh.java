package org.actlab.nn.layer;

import org.actlab.core.math.Stable;

/**
 * The lecture notes' time-aware activation (slide 11): {@code h_t = tanh(a_t)·e^{−decay·t}}, with {@code t} the
 * 0-based step index (the notes loop {@code for t in range(T)}), so step 0 is a plain tanh.
 *
 * <p>Derivative {@code ∂h/∂a = sech²(a)·e^{−decay·t}} (sech² in the stable form of {@link Stable#sech2}, never
 * {@code 1 − tanh²}); no direct dependence on {@code h_{t−1}}. Why it is in the lab: it shows the vanishing
 * gradient being built in by design, since every step back in time is damped by at least {@code e^{−decay}}
 * on top of the tanh saturation; late steps of a long sequence carry almost no signal. {@code decay = 0} is tanh.
 */
public final class TimeAwareTanh implements RecurrentActivation {

  private final double decay;

  /** @param decay rate per step, finite and ≥ 0 (the notes use 0.1) */
  public TimeAwareTanh(double decay) {
    if (!(decay >= 0) || Double.isInfinite(decay)) {
      throw new IllegalArgumentException("decay must be finite and >= 0, got " + decay);
    }
    this.decay = decay;
  }

  /** The notes' default, {@code decay = 0.1}. */
  public TimeAwareTanh() {
    this(0.1);
  }

  public double decay() {
    return decay;
  }

  @Override
  public void forward(float[] a, float[] hPrev, int t, float[] h) {
    double scale = Stable.expProduct(-decay, t);
    for (int i = 0; i < a.length; i++) {
      h[i] = (float) (Math.tanh(a[i]) * scale);
    }
  }

  @Override
  public void backward(float[] a, float[] hPrev, float[] h, int t, float[] dh, float[] da, float[] dhPrev) {
    double scale = Stable.expProduct(-decay, t);
    for (int i = 0; i < a.length; i++) {
      da[i] = (float) (dh[i] * Stable.sech2(a[i]) * scale);
    }
  }

  @Override
  public String describe() {
    return "time_aware_tanh(decay=" + decay + ")";
  }
}
