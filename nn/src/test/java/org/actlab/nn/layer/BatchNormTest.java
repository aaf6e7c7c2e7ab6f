package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

class BatchNormTest {

  private static BatchNorm withAffine(int c, long seed) {
    BatchNorm bn = new BatchNorm(c);
    SplittableRandom r = new SplittableRandom(seed);
    for (Parameter p : bn.parameters()) {
      for (int i = 0; i < p.size(); i++) {
        p.value().data()[i] += (float) r.nextDouble(-0.5, 0.5);
      }
    }
    return bn;
  }

  @Test
  void gradients1dTrain() {
    GradCheck.seed(21).mode(Mode.TRAIN).layer(withAffine(3, 1), 5, 3);
  }

  @Test
  void gradients2dTrain() {
    GradCheck.seed(22).mode(Mode.TRAIN).layer(withAffine(2, 2), 2, 2, 3, 2);
  }

  @Test
  void gradients2dEval() {
    BatchNorm bn = withAffine(2, 3);
    bn.forward(GradCheck.uniform(new int[] {4, 2, 2, 2}, 2, new SplittableRandom(5)), Mode.TRAIN);
    GradCheck.seed(23).mode(Mode.EVAL).layer(bn, 2, 2, 3, 2);
  }

  @Test
  void runningStatistics1dByHand() {
    BatchNorm bn = new BatchNorm(2);
    // column 0: 1, 2, 3, 4 (mean 2.5, biased var 1.25, unbiased 5/3); column 1: all 7 (var 0)
    Tensor x = Tensor.of(new float[] {1, 7, 2, 7, 3, 7, 4, 7}, 4, 2);
    Tensor y = bn.forward(x, Mode.TRAIN);
    double s = Math.sqrt(1.25 + 1e-5);
    assertEquals((1 - 2.5) / s, y.get(0, 0), 1e-6);
    assertEquals((4 - 2.5) / s, y.get(3, 0), 1e-6);
    assertEquals(0, y.get(2, 1), 1e-6);
    Map<String, Tensor> b = bn.buffers();
    assertEquals(List.of("batchnorm.running_mean", "batchnorm.running_var"), List.copyOf(b.keySet()));
    assertEquals(0.25, b.get("batchnorm.running_mean").get(0), 1e-7);
    assertEquals(0.7, b.get("batchnorm.running_mean").get(1), 1e-6);
    assertEquals(0.9 + 0.1 * 5.0 / 3, b.get("batchnorm.running_var").get(0), 1e-6);
    assertEquals(0.9, b.get("batchnorm.running_var").get(1), 1e-6);
    bn.forward(x, Mode.TRAIN);
    assertEquals(0.9 * 0.25 + 0.25, bn.buffers().get("batchnorm.running_mean").get(0), 1e-6);
    // EVAL uses the running estimates, and does not update them
    Tensor e = bn.forward(x, Mode.EVAL);
    double rm = 0.475;
    double rv = 0.9 * (0.9 + 0.1 * 5.0 / 3) + 0.1 * 5.0 / 3;
    assertEquals((3 - rm) / Math.sqrt(rv + 1e-5), e.get(2, 0), 1e-5);
    assertEquals(rm, bn.buffers().get("batchnorm.running_mean").get(0), 1e-6);
  }

  @Test
  void runningStatistics2dMatchLoops() {
    BatchNorm bn = new BatchNorm(3);
    Tensor x = GradCheck.uniform(new int[] {2, 3, 2, 4}, 3, new SplittableRandom(9));
    bn.forward(x, Mode.TRAIN);
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      for (int b = 0; b < 2; b++) {
        for (int h = 0; h < 2; h++) {
          for (int w = 0; w < 4; w++) {
            sum += x.get(b, c, h, w);
          }
        }
      }
      double mean = sum / 16;
      double ss = 0;
      for (int b = 0; b < 2; b++) {
        for (int h = 0; h < 2; h++) {
          for (int w = 0; w < 4; w++) {
            ss += (x.get(b, c, h, w) - mean) * (x.get(b, c, h, w) - mean);
          }
        }
      }
      assertEquals(0.1 * mean, bn.buffers().get("batchnorm.running_mean").get(c), 1e-6, "channel " + c);
      assertEquals(0.9 + 0.1 * ss / 15, bn.buffers().get("batchnorm.running_var").get(c), 1e-6, "channel " + c);
    }
  }

  @Test
  void trainAndEvalDiffer() {
    BatchNorm bn = new BatchNorm(2);
    Tensor x = GradCheck.uniform(new int[] {6, 2}, 1, new SplittableRandom(4));
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] += 3; // far from the initial running mean 0
    }
    float[] train = bn.forward(x, Mode.TRAIN).data();
    float[] eval = bn.forward(x, Mode.EVAL).data();
    assertTrue(Math.abs(train[0] - eval[0]) > 0.5, train[0] + " vs " + eval[0]);
  }

  @Test
  void buffersRoundTripAndScope() {
    BatchNorm a = new BatchNorm(2);
    a.forward(GradCheck.uniform(new int[] {4, 2}, 1, new SplittableRandom(1)), Mode.TRAIN);
    a.scope("3.batchnorm");
    assertEquals(List.of("3.batchnorm.weight", "3.batchnorm.bias"),
        a.parameters().stream().map(Parameter::name).toList());
    BatchNorm b = new BatchNorm(2);
    b.scope("3.batchnorm");
    b.loadBuffers(a.buffers());
    assertArrayEquals(a.buffers().get("3.batchnorm.running_var").data(),
        b.buffers().get("3.batchnorm.running_var").data());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadBuffers(Map.of()));
    assertTrue(e.getMessage().contains("3.batchnorm.running_mean"), e.getMessage());
    a.initialize(new SplittableRandom(0));
    assertEquals(1f, a.buffers().get("3.batchnorm.running_var").get(0));
  }

  @Test
  void shapeErrors() {
    BatchNorm bn = new BatchNorm(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> bn.forward(new Tensor(4, 2), Mode.TRAIN));
    assertTrue(e.getMessage().contains("[3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> bn.forward(new Tensor(1, 3), Mode.TRAIN));
    assertTrue(e.getMessage().contains("more than 1 value"), e.getMessage());
    bn.forward(new Tensor(1, 3), Mode.EVAL);
  }
}
