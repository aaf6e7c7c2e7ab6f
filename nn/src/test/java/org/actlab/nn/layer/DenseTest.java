package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DenseTest {

  private static Dense dense(int in, int out, String act, long seed) {
    Dense d = new Dense(in, out, act, Map.of(), TestInit.GLOROT);
    d.initialize(new SplittableRandom(seed));
    return d;
  }

  @ParameterizedTest
  @ValueSource(strings = {"identity", "relu", "tanh", "gelu", "elu", "swish", "prelu", "snake", "adaptive_swish",
      "softmax", "log_softmax", "glu", "swiglu"})
  void gradientsMatchFiniteDifferences(String act) {
    long seed = 1000 + act.hashCode();
    Dense d = dense(5, 6, act, seed);
    float[] b = d.parameters().get(1).value().data();
    for (int j = 0; j < b.length; j++) {
      b[j] = 0.1f * (j - 2); // a non-zero bias, so that a bias bug shows
    }
    GradCheck.Report r = GradCheck.seed(seed).layer(d, 4, 5);
    assertEquals(2 + Catalog.get(act).spec().learnableParams().size(), r.results().size() - 1, r::toString);
  }

  @Test
  void linearWithoutActivation() {
    Dense d = new Dense(3, 2, (String) null, Map.of(), TestInit.GLOROT);
    d.initialize(new SplittableRandom(5));
    GradCheck.seed(5).layer(d, 3, 3);
    Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 3);
    float[] w = d.parameters().get(0).value().data();
    Tensor y = d.forward(x, Mode.EVAL);
    assertEquals(w[0] + 2 * w[2] + 3 * w[4], y.get(0, 0), 1e-6f);
    assertEquals(w[1] + 2 * w[3] + 3 * w[5], y.get(0, 1), 1e-6f);
  }

  @Test
  void forwardMatchesHandComputedReluLayer() {
    Dense d = new Dense(2, 2, "relu", Map.of(), TestInit.GLOROT);
    List<Parameter> ps = d.parameters();
    System.arraycopy(new float[] {1, -1, 2, 0.5f}, 0, ps.get(0).value().data(), 0, 4);
    System.arraycopy(new float[] {0.5f, -3}, 0, ps.get(1).value().data(), 0, 2);
    Tensor y = d.forward(Tensor.of(new float[] {1, 1, -1, 2}, 2, 2), Mode.EVAL);
    // row 1: z = (1+2+0.5, -1+0.5-3) = (3.5, -3.5); row 2: z = (-1+4+0.5, 1+1-3) = (3.5, -1)
    assertArrayEquals(new float[] {3.5f, 0, 3.5f, 0}, y.data());
  }

  @Test
  void gluHalvesTheOutputAndOddWidthIsRejected() {
    assertArrayEquals(new int[] {3}, dense(4, 6, "glu", 1).outputShape(new int[] {4}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dense(4, 5, "glu", 1));
    assertTrue(e.getMessage().contains("glu") || e.getMessage().contains("odd"), e.getMessage());
  }

  @Test
  void shapeErrorsSayWhatWasExpected() {
    Dense d = dense(4, 3, "relu", 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.forward(new Tensor(2, 5), Mode.TRAIN));
    assertTrue(e.getMessage().contains("[B, 4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> d.outputShape(new int[] {2, 2}));
    assertTrue(e.getMessage().contains("Flatten"), e.getMessage());
    d.forward(new Tensor(2, 4), Mode.TRAIN);
    assertThrows(IllegalArgumentException.class, () -> d.backward(new Tensor(2, 4)));
  }

  @Test
  void learnableActivationParametersAreNamedApart() {
    Dense d = dense(2, 2, "prelu", 1);
    assertEquals(List.of("dense.weight", "dense.bias", "dense.prelu.weight"),
        d.parameters().stream().map(Parameter::name).toList());
    d.scope("3.dense");
    assertEquals(List.of("3.dense.weight", "3.dense.bias", "3.dense.prelu.weight"),
        d.parameters().stream().map(Parameter::name).toList());
    assertEquals(0.25f, d.parameters().get(2).value().data()[0]);
  }

  @Test
  void describeNamesShapeAndActivation() {
    assertEquals("dense(784→256, relu)", new Dense(784, 256, "relu", Map.of(), TestInit.GLOROT).describe());
  }
}
