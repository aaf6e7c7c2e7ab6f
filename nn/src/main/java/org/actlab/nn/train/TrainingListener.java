package org.actlab.nn.train;

/** Progress of {@link Trainer#fit}: called on the training thread, in order. All methods default to nothing. */
public interface TrainingListener {

  /** Before the first epoch of this call ({@code firstEpoch} is 1-based; larger than 1 after a resume). */
  default void onStart(int firstEpoch, int lastEpoch, int batchesPerEpoch) {}

  /** After each optimizer step; {@code batch} is 1-based within the epoch. */
  default void onBatch(int epoch, int batch, double loss) {}

  /** After each epoch's evaluation. */
  default void onEpoch(EpochMetrics metrics) {}
}
