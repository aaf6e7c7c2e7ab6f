package org.actlab.nn.train;

import java.util.Map;

import org.actlab.nn.Tensor;

/**
 * A layer with non-trainable state that a checkpoint must keep, such as batch normalisation's running mean and
 * variance. Containers (residual, sequential) implement it by prefixing their children's keys.
 */
public interface LayerBuffers {

  /** The buffers as named copies, e.g. {@code running_mean}, {@code running_var}; stable keys and order. */
  Map<String, Tensor> buffers();

  /**
   * Restores buffers exported by {@link #buffers()} from a layer of the same configuration.
   *
   * @throws IllegalArgumentException naming the key if a buffer is missing or has another shape
   */
  void loadBuffers(Map<String, Tensor> buffers);
}
