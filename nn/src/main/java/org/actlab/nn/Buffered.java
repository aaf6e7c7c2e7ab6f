package org.actlab.nn;

import java.util.Map;

/**
 * A layer with non-trainable state that a checkpoint must save besides the parameters: batch norm's
 * {@code running_mean} and {@code running_var}. Names follow the parameters' scheme
 * ({@code "1.batchnorm.running_mean"}, PyTorch's buffer names), so a checkpoint can store parameters and buffers
 * in one map.
 */
public interface Buffered {

  /** The buffers by name, as copies, in a stable order. */
  Map<String, Tensor> buffers();

  /**
   * Restores buffers saved by {@link #buffers} (copied in). Every buffer of this layer must be present with its
   * shape; names in {@code saved} that this layer does not own are ignored, so a whole model's map can be passed.
   *
   * @throws IllegalArgumentException naming a missing buffer or a shape mismatch
   */
  void loadBuffers(Map<String, Tensor> saved);
}
