package org.actlab.nn.train;

import java.util.SplittableRandom;

/**
 * A layer that draws random numbers while training (dropout masks, rrelu slopes). A {@link SplittableRandom}
 * cannot export its state, so the trainer reseeds such layers at the start of every epoch from (seed, epoch):
 * that makes a run resumed from a checkpoint continue bit for bit. Containers pass a split to each child.
 */
public interface Reseedable {

  /** Replaces the layer's random source; later draws come from {@code rng} only. */
  void reseed(SplittableRandom rng);
}
