package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * Glorot/Xavier initialisation (Glorot &amp; Bengio, "Understanding the difficulty of training deep feedforward
 * neural networks", AISTATS 2010), PyTorch's {@code xavier_normal_} / {@code xavier_uniform_}:
 * std = gain·√(2/(fan_in + fan_out)); the uniform variant draws from U(−√3·std, √3·std), i.e. the bound
 * gain·√(6/(fan_in + fan_out)).
 *
 * <p>Averaging the fans compromises between keeping the forward and the backward variance. Derived for
 * symmetric, roughly linear-at-zero activations (tanh, sigmoid with gain); for ReLU-like units use
 * {@link Kaiming}. PyTorch's default gain is 1 whatever the activation.
 */
public record Xavier(boolean uniform, double gain) implements Initializer {

  public Xavier {
    Fill.positive(uniform ? "xavier_uniform" : "xavier_normal", "gain", gain);
  }

  public static Xavier normal(double gain) {
    return new Xavier(false, gain);
  }

  public static Xavier uniform(double gain) {
    return new Xavier(true, gain);
  }

  /** The standard deviation for these fans. */
  public double std(int fanIn, int fanOut) {
    if (fanIn < 1 || fanOut < 1) {
      throw new IllegalArgumentException(name() + ": fan_in and fan_out must be >= 1 (got " + fanIn + ", "
          + fanOut + ")");
    }
    return gain * Math.sqrt(2.0 / ((double) fanIn + fanOut));
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    double std = std(fanIn, fanOut);
    if (uniform) {
      double bound = Math.sqrt(3) * std;
      Fill.uniform(w, -bound, bound, rng);
    } else {
      Fill.normal(w, 0, std, rng);
    }
  }

  private String name() {
    return uniform ? "xavier_uniform" : "xavier_normal";
  }

  @Override
  public String describe() {
    return name() + "(gain=" + Fill.fmt(gain) + ")";
  }
}
