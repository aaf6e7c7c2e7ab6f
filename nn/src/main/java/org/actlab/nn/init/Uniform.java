package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/** U(a, b) per element, PyTorch's {@code uniform_(a=0, b=1)}; the same caveat as {@link Normal}. */
public record Uniform(double a, double b) implements Initializer {

  public Uniform {
    Fill.finite("uniform", "a", a);
    Fill.finite("uniform", "b", b);
    if (!(a < b)) {
      throw new IllegalArgumentException("uniform: a must be less than b (got a=" + a + ", b=" + b + ")");
    }
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    Fill.uniform(w, a, b, rng);
  }

  @Override
  public String describe() {
    return "uniform(a=" + Fill.fmt(a) + ", b=" + Fill.fmt(b) + ")";
  }
}
