package org.actlab.nn;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One differentiable stage of a network. Tensors are batched: axis 0 is the batch, the rest is one sample
 * ({@code [B, features]}, {@code [B, C, H, W]}, {@code [B, T, features]}).
 *
 * <p>Lifecycle: {@link #forward} remembers what {@link #backward} needs (only the last call); {@code backward}
 * returns dL/dx and <em>adds</em> into each parameter's {@link Parameter#grad()}. Layers never modify the input
 * tensor of forward or the gradient tensor of backward.
 */
public interface Layer {

  /** The batch's output; keeps what backward needs when {@code mode} is TRAIN (and may in EVAL). */
  Tensor forward(Tensor x, Mode mode);

  /** dL/dx for the last forward, adding parameter gradients into their {@code grad} tensors. */
  Tensor backward(Tensor dy);

  /** Trainable parameters (empty for parameter-free layers), in a stable order. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /**
   * Output shape of one sample for an input sample shape (no batch axis).
   *
   * @throws IllegalArgumentException if this layer cannot take that shape, saying what it expected
   */
  int[] outputShape(int[] inputShape);

  /** One line for summaries, e.g. {@code dense(784→256, relu)}. */
  String describe();

  /** (Re)initialises the parameters from {@code rng}; parameter-free layers do nothing. */
  default void initialize(SplittableRandom rng) {}
}
