package org.actlab.nn.layer;

import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/** Seeded inputs and a fixed-scale uniform initializer for the sequence-layer tests. */
final class SeqFixtures {

  private SeqFixtures() {}

  /** U(−bound, bound) regardless of fan-in, so tests choose the pre-activation scale directly. */
  static Initializer uniform(double bound) {
    return new Initializer() {
      @Override
      public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
        for (int i = 0; i < w.size(); i++) {
          w.data()[i] = (float) (bound * (2 * rng.nextDouble() - 1));
        }
      }

      @Override
      public String describe() {
        return "uniform(" + bound + ")";
      }
    };
  }

  /** A tensor of the given shape with entries from U(−scale, scale). */
  static Tensor random(long seed, double scale, int... shape) {
    Tensor t = new Tensor(shape);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = (float) (scale * (2 * rng.nextDouble() - 1));
    }
    return t;
  }
}
