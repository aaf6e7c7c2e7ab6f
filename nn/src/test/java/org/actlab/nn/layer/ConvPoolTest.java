package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvPoolTest {

  @ParameterizedTest(name = "k={0} stride={1} padding={2}")
  @CsvSource({"3,1,0", "3,1,1", "3,2,1", "2,2,0", "1,1,0", "3,2,2"})
  void convGradientsMatchFiniteDifferences(int k, int stride, int pad) {
    Conv2D c = new Conv2D(2, 3, k, stride, pad, TestInit.GLOROT);
    long seed = 31L * k + 7L * stride + pad;
    c.initialize(new SplittableRandom(seed));
    c.parameters().get(1).value().data()[1] = 0.3f;
    GradCheck.Report r = GradCheck.seed(seed).layer(c, 2, 2, 5, 6);
    assertEquals(3, r.results().size());
  }

  @Test
  void convMatchesADirectSum() {
    Conv2D c = new Conv2D(2, 2, 3, 2, 1, TestInit.GLOROT);
    c.initialize(new SplittableRandom(4));
    c.parameters().get(1).value().data()[0] = 0.25f;
    Tensor x = GradCheck.uniform(new int[] {1, 2, 5, 5}, 1, new SplittableRandom(8));
    Tensor y = c.forward(x, Mode.EVAL);
    assertArrayEquals(new int[] {1, 2, 3, 3}, y.shape());
    Tensor w = c.parameters().get(0).value();
    float b0 = c.parameters().get(1).value().data()[0];
    for (int oy = 0; oy < 3; oy++) {
      for (int ox = 0; ox < 3; ox++) {
        double s = b0;
        for (int ci = 0; ci < 2; ci++) {
          for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
              int iy = oy * 2 - 1 + i;
              int ix = ox * 2 - 1 + j;
              if (iy >= 0 && iy < 5 && ix >= 0 && ix < 5) {
                s += w.get(0, ci, i, j) * x.get(0, ci, iy, ix);
              }
            }
          }
        }
        assertEquals(s, y.get(0, 0, oy, ox), 1e-5, "at " + oy + "," + ox);
      }
    }
  }

  @Test
  void convShapeErrors() {
    Conv2D c = new Conv2D(3, 4, 3, 1, 0, TestInit.GLOROT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> c.forward(new Tensor(1, 2, 5, 5), Mode.TRAIN));
    assertTrue(e.getMessage().contains("[3, H, W]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> c.outputShape(new int[] {3, 2, 9}));
    assertTrue(e.getMessage().contains("smaller than the window"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(1, 1, 3, 0, 0, TestInit.GLOROT));
  }

  @ParameterizedTest(name = "max k={0} stride={1}")
  @CsvSource({"2,2", "3,1", "3,2"})
  void maxPoolGradients(int k, int stride) {
    GradCheck.seed(50 + k * stride).layer(new MaxPool2D(k, stride), 2, 2, 6, 7);
  }

  @ParameterizedTest(name = "avg k={0} stride={1}")
  @CsvSource({"2,2", "3,1", "3,2"})
  void avgPoolGradients(int k, int stride) {
    GradCheck.seed(60 + k * stride).layer(new AvgPool2D(k, stride), 2, 2, 6, 7);
  }

  @Test
  void poolValuesAndTies() {
    Tensor x = Tensor.of(new float[] {1, 5, 2, 0, 3, 5, 4, 8, 7, 7, -1, -2, 7, 7, -3, -4}, 1, 1, 4, 4);
    MaxPool2D m = new MaxPool2D(2, 2);
    assertArrayEquals(new float[] {5, 8, 7, -1}, m.forward(x, Mode.TRAIN).data());
    Tensor dx = m.backward(Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2));
    // ties go to the first maximum in the window: positions 1 and 8
    assertEquals(1f, dx.get(0, 0, 0, 1));
    assertEquals(0f, dx.get(0, 0, 1, 1));
    assertEquals(1f, dx.get(0, 0, 2, 0));
    assertEquals(0f, dx.get(0, 0, 2, 1));
    Tensor a = new AvgPool2D(2, 2).forward(x, Mode.TRAIN);
    assertArrayEquals(new float[] {(1 + 5 + 3 + 5) / 4f, (2 + 0 + 4 + 8) / 4f, 7f, -2.5f}, a.data());
  }

  @Test
  void maxPoolPropagatesNaN() {
    Tensor x = Tensor.of(new float[] {1, Float.NaN, 2, 3}, 1, 1, 2, 2);
    assertTrue(Float.isNaN(new MaxPool2D(2, 2).forward(x, Mode.EVAL).data()[0]));
  }

  @Test
  void poolShapeErrors() {
    assertThrows(IllegalArgumentException.class, () -> new MaxPool2D(2, 2).forward(new Tensor(2, 8), Mode.EVAL));
    assertThrows(IllegalArgumentException.class, () -> new AvgPool2D(3, 1).outputShape(new int[] {1, 2, 2}));
    assertThrows(IllegalArgumentException.class, () -> new MaxPool2D(0, 1));
  }

  @Test
  void flattenRoundTrip() {
    Flatten f = new Flatten();
    Tensor x = GradCheck.uniform(new int[] {2, 3, 2, 2}, 1, new SplittableRandom(1));
    Tensor y = f.forward(x, Mode.TRAIN);
    assertArrayEquals(new int[] {2, 12}, y.shape());
    assertArrayEquals(x.data(), y.data());
    assertArrayEquals(new int[] {12}, f.outputShape(new int[] {3, 2, 2}));
    GradCheck.seed(3).layer(f, 2, 3, 2, 2);
    assertThrows(IllegalArgumentException.class, () -> f.backward(new Tensor(2, 11)));
  }
}
