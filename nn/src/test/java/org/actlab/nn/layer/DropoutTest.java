package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {

  @Test
  void dropoutGradientsWithFixedMaskSeed() {
    Dropout d = new Dropout(0.4, null);
    GradCheck.seed(41).beforeForward(() -> d.initialize(new SplittableRandom(7))).layer(d, 4, 6);
  }

  @Test
  void alphaDropoutGradientsWithFixedMaskSeed() {
    AlphaDropout d = new AlphaDropout(0.3, null);
    GradCheck.seed(42).beforeForward(() -> d.initialize(new SplittableRandom(8))).layer(d, 4, 6);
  }

  @Test
  void dropoutKeepsTheMeanAndScalesSurvivors() {
    Dropout d = new Dropout(0.25, new SplittableRandom(3));
    Tensor x = new Tensor(100, 100);
    x.fill(2f);
    Tensor y = d.forward(x, Mode.TRAIN);
    double sum = 0;
    int zeros = 0;
    for (float v : y.data()) {
      assertTrue(v == 0f || v == 2f / 0.75f, "value " + v);
      zeros += v == 0f ? 1 : 0;
      sum += v;
    }
    assertEquals(0.25, zeros / 1e4, 0.02);
    assertEquals(2, sum / 1e4, 0.05);
    Tensor dx = d.backward(x);
    for (int i = 0; i < y.size(); i++) {
      assertEquals(y.data()[i], dx.data()[i], 0f, "backward uses the forward mask");
    }
  }

  @Test
  void identityInEvalAndSeeded() {
    Tensor x = GradCheck.uniform(new int[] {3, 5}, 1, new SplittableRandom(2));
    assertArrayEquals(x.data(), new Dropout(0.5, new SplittableRandom(1)).forward(x, Mode.EVAL).data());
    assertArrayEquals(x.data(), new AlphaDropout(0.5, new SplittableRandom(1)).forward(x, Mode.EVAL).data());
    float[] a = new Dropout(0.5, new SplittableRandom(9)).forward(x, Mode.TRAIN).data();
    float[] b = new Dropout(0.5, new SplittableRandom(9)).forward(x, Mode.TRAIN).data();
    assertArrayEquals(a, b);
    assertNotEquals(Arrays.toString(x.data()), Arrays.toString(a));
    Tensor ones = new Tensor(3, 5);
    ones.fill(1f);
    Dropout d = new Dropout(0.5, new SplittableRandom(9));
    d.forward(x, Mode.EVAL);
    assertArrayEquals(ones.data(), d.backward(ones).data());
  }

  @Test
  void alphaDropoutKeepsSeluStatistics() {
    ActivationLayer selu = ActivationLayer.of("selu", Map.of(), null);
    SplittableRandom r = new SplittableRandom(5);
    Tensor z = new Tensor(200, 500);
    for (int i = 0; i < z.size(); i++) {
      z.data()[i] = (float) gaussian(r);
    }
    Tensor x = selu.forward(z, Mode.EVAL);
    Tensor y = new AlphaDropout(0.2, new SplittableRandom(6)).forward(x, Mode.TRAIN);
    double[] mv = meanVar(y.data());
    assertEquals(0, mv[0], 0.02, "mean");
    assertEquals(1, mv[1], 0.03, "variance");
    // ordinary dropout breaks the fixed point: variance 1/(1-p) times larger
    double[] dv = meanVar(new Dropout(0.2, new SplittableRandom(6)).forward(x, Mode.TRAIN).data());
    assertTrue(dv[1] > 1.15, "dropout variance " + dv[1]);
  }

  @Test
  void invalidProbabilities() {
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, null));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(Double.NaN, null));
    assertThrows(IllegalArgumentException.class, () -> new AlphaDropout(1, null));
    assertThrows(IllegalStateException.class, () -> new Dropout(0.5, null).forward(new Tensor(2, 2), Mode.TRAIN));
    Tensor x = new Tensor(2, 2);
    x.fill(3f);
    assertArrayEquals(new float[4], new Dropout(1, new SplittableRandom(1)).forward(x, Mode.TRAIN).data());
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  private static double[] meanVar(float[] d) {
    double m = 0;
    for (float v : d) {
      m += v;
    }
    m /= d.length;
    double s = 0;
    for (float v : d) {
      s += (v - m) * (v - m);
    }
    return new double[] {m, s / d.length};
  }
}
