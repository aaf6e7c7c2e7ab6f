package org.actlab.nn.layer;

import java.util.Arrays;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/**
 * {@code [B, d1, d2, ...] → [B, d1·d2·…]}, the bridge from convolutions to dense layers (PyTorch's
 * {@code Flatten} with {@code start_dim=1}). Row-major order, so it is a copy under a new shape; backward
 * restores the input shape.
 */
public final class Flatten implements Layer {

  private int[] inShape;

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    if (x.rank() < 1) {
      throw new IllegalArgumentException("flatten expects a batched tensor [B, ...], got a scalar");
    }
    inShape = x.shape();
    return x.reshape(x.dim(0), outputShape(Params.sample(x))[0]);
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (inShape == null) {
      throw new IllegalStateException("backward before forward");
    }
    int n = Arrays.stream(inShape).skip(1).reduce(1, (a, b) -> a * b);
    Params.requireGradient("flatten", dy, new int[] {inShape[0], n});
    return dy.reshape(inShape);
  }

  @Override
  public int[] outputShape(int[] s) {
    return new int[] {Arrays.stream(s).reduce(1, (a, b) -> a * b)};
  }

  @Override
  public String describe() {
    return "flatten";
  }
}
