package org.actlab.nn.layer;

import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/** Glorot-uniform for the layer tests (the real initializers belong to another part of issue #4). */
final class TestInit implements Initializer {

  static final TestInit GLOROT = new TestInit();

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    double a = Math.sqrt(6.0 / (fanIn + fanOut));
    float[] d = w.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rng.nextDouble(-a, a);
    }
  }

  @Override
  public String describe() {
    return "test_glorot_uniform";
  }
}
