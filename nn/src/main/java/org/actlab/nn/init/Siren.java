package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * SIREN's initialisation (Sitzmann et al., "Implicit Neural Representations with Periodic Activation
 * Functions", NeurIPS 2020, §3.2 and their reference code): for layers followed by {@code sin(w0·x)},
 * <ul>
 *   <li>first layer: U(−1/fan_in, 1/fan_in) (the input is then spread over several periods by w0),</li>
 *   <li>later layers: U(−√(6/fan_in)/w0, √(6/fan_in)/w0), so that w0·(w·x) has unit-scale arguments and the
 *       output distribution of each sine layer is arcsine-distributed, independent of depth.</li>
 * </ul>
 * Only meaningful with the {@code sine} activation at the same w0 (default 30).
 */
public record Siren(boolean firstLayer, double w0) implements Initializer {

  public Siren {
    Fill.positive("siren", "w0", w0);
  }

  /** The half-width of the uniform interval for this fan-in. */
  public double bound(int fanIn) {
    int n = FanMode.FAN_IN.of("siren", fanIn, 1);
    return firstLayer ? 1.0 / n : Math.sqrt(6.0 / n) / w0;
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    double b = bound(fanIn);
    Fill.uniform(w, -b, b, rng);
  }

  @Override
  public String describe() {
    return "siren(" + (firstLayer ? "first" : "hidden") + ", w0=" + Fill.fmt(w0) + ")";
  }
}
