package org.actlab.nn;

import java.util.SplittableRandom;

/** Fills a weight tensor given its fan-in and fan-out (PyTorch's {@code torch.nn.init} conventions). */
public interface Initializer {

  void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng);

  /** Name and settings, e.g. {@code kaiming_normal(fan_in, gain=1.414)}. */
  String describe();
}
