package org.actlab.nn.layer;

import java.util.Objects;

/**
 * Adapts an elementwise catalog activation to {@link RecurrentActivation}: {@code h_t = f(a_t)}, the classic
 * Elman step. The previous state enters only through {@code W_h}, so the direct {@code ∂φ/∂h_{t−1}} is zero.
 */
final class CatalogRecurrent implements RecurrentActivation {

  private final Pointwise fn;

  CatalogRecurrent(Pointwise fn) {
    this.fn = Objects.requireNonNull(fn);
  }

  @Override
  public void forward(float[] a, float[] hPrev, int t, float[] h) {
    fn.forward(a, h);
  }

  @Override
  public void backward(float[] a, float[] hPrev, float[] h, int t, float[] dh, float[] da, float[] dhPrev) {
    fn.backward(a, dh, da);
  }

  @Override
  public String describe() {
    return fn.describe();
  }
}
