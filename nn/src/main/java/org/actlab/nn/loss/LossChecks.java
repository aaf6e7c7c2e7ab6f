package org.actlab.nn.loss;

import java.util.Arrays;

import org.actlab.nn.Tensor;

/** The shape checks every loss shares, with messages that say what was expected. */
final class LossChecks {

  private LossChecks() {}

  /** Output and target of the same shape with a non-empty batch axis. */
  static void sameShape(String loss, Tensor output, Tensor target) {
    if (output.rank() < 1 || output.dim(0) < 1) {
      throw new IllegalArgumentException(loss + " needs a batch of at least one sample, got output "
          + Arrays.toString(output.shape()));
    }
    if (!output.sameShape(target)) {
      throw new IllegalArgumentException(loss + ": target shape " + Arrays.toString(target.shape())
          + " differs from output shape " + Arrays.toString(output.shape()));
    }
  }

  static Tensor requireForward(String loss, Tensor grad) {
    if (grad == null) {
      throw new IllegalStateException(loss + ": backward called before forward");
    }
    return grad.copy();
  }
}
