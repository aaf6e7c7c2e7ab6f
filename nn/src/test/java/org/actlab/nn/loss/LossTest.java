package org.actlab.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Loss;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand values, extreme logits, finite-difference gradients and errors of the three losses. */
class LossTest {

  private static Tensor t(float[] v, int... shape) {
    return Tensor.of(v, shape);
  }

  private static Tensor random(long seed, double scale, int... shape) {
    Tensor x = new Tensor(shape);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) (scale * (2 * rng.nextDouble() - 1));
    }
    return x;
  }

  @Test
  void meanSquaredErrorByHand() {
    MeanSquaredError mse = new MeanSquaredError();
    // squared errors 1, 0, 0, 4 over B = 2 samples of 2: per-sample means 0.5 and 2, batch mean 1.25
    assertEquals(1.25, mse.forward(t(new float[] {1, 2, 3, 4}, 2, 2), t(new float[] {0, 2, 3, 6}, 2, 2)), 1e-12);
    assertArrayEquals(new float[] {0.5f, 0, 0, -1}, mse.backward().data());
  }

  @Test
  void binaryCrossEntropyByHandAndAtExtremeLogits() {
    BinaryCrossEntropyWithLogits bce = new BinaryCrossEntropyWithLogits();
    double l = bce.forward(t(new float[] {0, 2}, 2, 1), t(new float[] {1, 0}, 2, 1));
    assertEquals((Math.log(2) + 2 + Math.log1p(Math.exp(-2))) / 2, l, 1e-12);
    assertArrayEquals(new float[] {-0.25f, (float) (1 / (1 + Math.exp(-2)) / 2)}, bce.backward().data(), 1e-7f);
    // confident and right costs 0, confident and wrong costs |z|, with gradients 0 and ±1/n
    l = bce.forward(t(new float[] {1e4f, -1e4f, 1e4f, -1e4f}, 4), t(new float[] {1, 0, 0, 1}, 4));
    assertEquals((0 + 0 + 1e4 + 1e4) / 4, l, 1e-9);
    assertArrayEquals(new float[] {0, 0, 0.25f, -0.25f}, bce.backward().data());
    l = bce.forward(t(new float[] {-1e4f, 3e38f}, 2), t(new float[] {0.5f, 0.5f}, 2));
    assertTrue(Double.isFinite(l), "finite for finite logits: " + l);
  }

  @Test
  void softmaxCrossEntropyByHand() {
    SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
    double l = ce.forward(t(new float[] {0, 0, 0, 1, 2, 3}, 2, 3), t(new float[] {1, 2}, 2));
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertEquals((Math.log(3) + lse - 3) / 2, l, 1e-12);
    float[] g = ce.backward().data();
    assertEquals(1 / 6.0, g[0], 1e-7);
    assertEquals((1 / 3.0 - 1) / 2, g[1], 1e-7);
    assertEquals((Math.exp(3 - lse) - 1) / 2, g[5], 1e-7);
    assertEquals(Math.exp(1 - lse) / 2, g[3], 1e-7);
  }

  @Test
  void softmaxCrossEntropyStaysFiniteAndExactAtExtremeLogits() {
    SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
    Tensor z = t(new float[] {1e4f, -1e4f, 0, 1e4f, -1e4f, 0, 1e4f, -1e4f, 0}, 3, 3);
    double l = ce.forward(z, t(new float[] {0, 1, 2}, 3));
    assertEquals((0 + 2e4 + 1e4) / 3, l, 1e-9);
    assertArrayEquals(new float[] {0, 0, 0, 1 / 3f, -1 / 3f, 0, 1 / 3f, 0, -1 / 3f}, ce.backward().data());
    l = ce.forward(t(new float[] {-3e38f, 3e38f}, 1, 2), t(new float[] {0}, 1));
    assertEquals(6e38, l, 1e32);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {71, 72, 73})
  void gradientsMatchFiniteDifferences(long seed) {
    Tensor y = random(seed, 3, 3, 4);
    Tensor target = random(seed + 100, 3, 3, 4);
    GradCheck.seed(seed).loss(new MeanSquaredError(), y, target);
    Tensor probs = random(seed + 200, 1, 3, 4);
    for (int i = 0; i < probs.size(); i++) {
      probs.data()[i] = Math.abs(probs.data()[i]);
    }
    GradCheck.seed(seed).loss(new BinaryCrossEntropyWithLogits(), y, probs);
    Tensor classes = t(new float[] {0, 3, 1}, 3);
    GradCheck.seed(seed).loss(new SoftmaxCrossEntropy(), y, classes);
  }

  @Test
  void gradientsMatchFiniteDifferencesAtExtremeLogits() {
    // a step of 1e-5·|z| (0.1 at 1e4, ~100 float ULPs) keeps 1e4 and 9999 from swapping places within a difference
    Tensor z = t(new float[] {1e4f, -1e4f, 0.5f, -1e4f, 1e4f, 9999f}, 2, 3);
    GradCheck.seed(81).step(1e-5).loss(new SoftmaxCrossEntropy(), z, t(new float[] {2, 2}, 2));
    Tensor y = t(new float[] {1, 0, 1, 0.5f, 0, 1}, 2, 3);
    GradCheck.seed(82).step(1e-5).loss(new BinaryCrossEntropyWithLogits(), z, y);
  }

  @Test
  void inputsAreNotModifiedAndBackwardReturnsACopy() {
    Loss[] losses = {new MeanSquaredError(), new BinaryCrossEntropyWithLogits(), new SoftmaxCrossEntropy()};
    Tensor y = random(5, 2, 2, 3);
    Tensor[] targets = {random(6, 1, 2, 3), t(new float[] {0, 1, 0.5f, 1, 0, 0.25f}, 2, 3), t(new float[] {2, 0}, 2)};
    for (int i = 0; i < losses.length; i++) {
      Tensor yc = y.copy();
      Tensor tc = targets[i].copy();
      losses[i].forward(y, targets[i]);
      assertArrayEquals(yc.data(), y.data(), losses[i].name());
      assertArrayEquals(tc.data(), targets[i].data(), losses[i].name());
      Tensor g = losses[i].backward();
      g.data()[0] = 42;
      assertTrue(losses[i].backward().data()[0] != 42, losses[i].name());
    }
  }

  @Test
  void badTargetsAndShapesGiveClearErrors() {
    SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
    Tensor z = new Tensor(2, 3);
    for (float bad : new float[] {3, -1, 1.5f, Float.NaN}) {
      String m = assertThrows(IllegalArgumentException.class, () -> ce.forward(z, t(new float[] {0, bad}, 2)))
          .getMessage();
      assertTrue(m.contains("not a class index in [0, 3)") && m.contains("sample 1"), m);
    }
    String batch = assertThrows(IllegalArgumentException.class, () -> ce.forward(z, t(new float[] {0, 1, 2}, 3)))
        .getMessage();
    assertTrue(batch.contains("[2]") && batch.contains("[3]"), batch);
    assertThrows(IllegalArgumentException.class, () -> ce.forward(new Tensor(2, 3, 1), new Tensor(2)));
    assertThrows(IllegalArgumentException.class, () -> ce.forward(new Tensor(0, 3), new Tensor(0)));
    assertThrows(IllegalStateException.class, () -> new SoftmaxCrossEntropy().backward());
    String shape = assertThrows(IllegalArgumentException.class,
        () -> new MeanSquaredError().forward(new Tensor(2, 3), new Tensor(3, 2))).getMessage();
    assertTrue(shape.contains("[3, 2]") && shape.contains("[2, 3]"), shape);
    String prob = assertThrows(IllegalArgumentException.class,
        () -> new BinaryCrossEntropyWithLogits().forward(new Tensor(1, 2), t(new float[] {0, 2}, 1, 2)))
        .getMessage();
    assertTrue(prob.contains("[0, 1]"), prob);
    assertThrows(IllegalStateException.class, () -> new MeanSquaredError().backward());
  }
}
