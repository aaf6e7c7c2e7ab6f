package org.actlab.nn.layer;

/**
 * The nonlinearity of an {@link ElmanRnn} step: {@code h_t = φ(a_t, h_{t−1}, t)} elementwise, where
 * {@code a_t = W_x x_t + W_h h_{t−1} + b} is the pre-activation and {@code t} the 0-based step index.
 *
 * <p>Plain activations ignore {@code h_{t−1}} and {@code t} ({@link #of(String)} adapts any catalog function);
 * the lecture notes' variants use them: {@link TimeAwareTanh} decays with {@code t}, {@link GatedTanh} mixes in
 * the previous state. Implementations are stateless; arrays are {@code [B·H]} blocks of one time step.
 */
public interface RecurrentActivation {

  /** {@code h[i] = φ(a[i], hPrev[i], t)} for every {@code i < a.length}; inputs are not modified. */
  void forward(float[] a, float[] hPrev, int t, float[] h);

  /**
   * The step's vector-Jacobian product: {@code da[i] = dh[i]·∂φ/∂a} and {@code dhPrev[i] += dh[i]·∂φ/∂h_{t−1}}
   * (the direct path only; the path through {@code W_h} is the layer's). {@code h} is the forward output.
   */
  void backward(float[] a, float[] hPrev, float[] h, int t, float[] dh, float[] da, float[] dhPrev);

  /** For layer summaries: {@code tanh}, {@code time_aware_tanh(decay=0.1)}. */
  String describe();

  /** The catalog function {@code name} (tanh, hardtanh, relu, ...) at its default parameters. */
  static RecurrentActivation of(String name) {
    return new CatalogRecurrent(Pointwise.of(name));
  }

  /** A configured catalog function, e.g. {@code Pointwise.of("hardtanh", Map.of("max_val", 2.0))}. */
  static RecurrentActivation of(Pointwise fn) {
    return new CatalogRecurrent(fn);
  }
}
