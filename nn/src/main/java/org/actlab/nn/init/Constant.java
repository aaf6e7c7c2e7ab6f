package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * Every element equal to {@code val} (PyTorch's {@code constant_}, {@code zeros_}, {@code ones_}). The usual
 * choice for biases; for weights it leaves all units of a layer identical, so they stay identical under gradient
 * descent (the notes' "zero initialisation" failure): never use it for weights that must break symmetry.
 */
public record Constant(double val) implements Initializer {

  public Constant {
    Fill.finite("constant", "val", val);
  }

  public static Constant zeros() {
    return new Constant(0);
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    w.fill((float) val);
  }

  @Override
  public String describe() {
    return val == 0 ? "zeros" : "constant(" + Fill.fmt(val) + ")";
  }
}
