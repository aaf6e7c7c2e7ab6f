package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * He/Kaiming initialisation (He et al., "Delving Deep into Rectifiers", ICCV 2015), PyTorch's
 * {@code kaiming_normal_} / {@code kaiming_uniform_}: std = gain/√fan with fan = fan_in or fan_out
 * ({@link FanMode}); the uniform variant draws from U(−√3·std, √3·std). The gain comes from the activation
 * ({@link Gain#of}): √2 for ReLU, which exactly offsets ReLU halving the second moment, so the pre-activation
 * variance stays constant through depth.
 *
 * <p>PyTorch's own defaults ({@code a=0, mode='fan_in', nonlinearity='leaky_relu'}) give gain √2; PyTorch's
 * {@code nn.Linear} uses kaiming_uniform with a=√5 instead, which amounts to U(−1/√fan_in, 1/√fan_in).
 */
public record Kaiming(boolean uniform, FanMode mode, double gain) implements Initializer {

  public Kaiming {
    Fill.positive(uniform ? "kaiming_uniform" : "kaiming_normal", "gain", gain);
    java.util.Objects.requireNonNull(mode, "mode");
  }

  public static Kaiming normal(FanMode mode, double gain) {
    return new Kaiming(false, mode, gain);
  }

  public static Kaiming uniform(FanMode mode, double gain) {
    return new Kaiming(true, mode, gain);
  }

  /** The standard deviation for these fans. */
  public double std(int fanIn, int fanOut) {
    return gain / Math.sqrt(mode.of(name(), fanIn, fanOut));
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
    return uniform ? "kaiming_uniform" : "kaiming_normal";
  }

  @Override
  public String describe() {
    return name() + "(" + mode.id() + ", gain=" + Fill.fmt(gain) + ")";
  }
}
