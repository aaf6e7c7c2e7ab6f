package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * LeCun normal: N(0, 1/fan_in) (LeCun et al., "Efficient BackProp", 1998), the initialisation self-normalising
 * networks require (Klambauer et al., "Self-Normalizing Neural Networks", NeurIPS 2017: SELU keeps mean 0 and
 * variance 1 only if Σ w² ≈ 1 per unit). Equal to PyTorch's {@code kaiming_normal_(nonlinearity='linear')},
 * which is what PyTorch's SELU documentation recommends.
 *
 * <p>Keras and JAX's {@code lecun_normal} draw from a normal truncated at two standard deviations and rescaled
 * to the same variance; we use the untruncated normal of the SNN paper (the variance, which is what matters
 * here, is the same).
 */
public record LecunNormal() implements Initializer {

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    Fill.normal(w, 0, 1 / Math.sqrt(FanMode.FAN_IN.of("lecun_normal", fanIn, fanOut)), rng);
  }

  @Override
  public String describe() {
    return "lecun_normal";
  }
}
