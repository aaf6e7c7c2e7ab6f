package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * N(mean, std²) per element, PyTorch's {@code normal_(mean=0, std=1)}. A fixed std ignores the layer's width:
 * too small and the signal vanishes with depth, too large and units saturate (the notes' "small/large random
 * weights" cases); prefer a variance-scaling scheme ({@link Xavier}, {@link Kaiming}).
 */
public record Normal(double mean, double std) implements Initializer {

  public Normal {
    Fill.finite("normal", "mean", mean);
    Fill.positive("normal", "std", std);
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    Fill.normal(w, mean, std, rng);
  }

  @Override
  public String describe() {
    return "normal(mean=" + Fill.fmt(mean) + ", std=" + Fill.fmt(std) + ")";
  }
}
