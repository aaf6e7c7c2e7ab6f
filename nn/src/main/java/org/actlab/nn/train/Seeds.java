package org.actlab.nn.train;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from (seed, stream, index) with the SplitMix64 finaliser, so that any epoch's
 * shuffle or dropout stream can be recreated from the checkpoint's seed and epoch alone.
 */
public final class Seeds {

  /** Stream of the parameter initialisation. */
  public static final int INIT = 1;
  /** Stream of the per-epoch shuffle of the training set. */
  public static final int SHUFFLE = 2;
  /** Stream of the per-epoch reseeding of stochastic layers. */
  public static final int LAYERS = 3;

  private Seeds() {}

  public static SplittableRandom stream(long seed, int stream, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream * 0x100000001L + index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }
}
