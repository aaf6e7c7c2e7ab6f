package org.actlab.nn;

/**
 * A training objective averaged over the batch. Classification targets are class indices stored as floats in a
 * {@code [B]} tensor; regression targets have the output's shape.
 */
public interface Loss {

  /** Mean loss of {@code output} against {@code target}; remembers what {@link #backward} needs. */
  double forward(Tensor output, Tensor target);

  /** dLoss/dOutput for the last forward (already divided by the batch size). */
  Tensor backward();

  /** Short name for logs ({@code softmax_cross_entropy}). */
  String name();
}
