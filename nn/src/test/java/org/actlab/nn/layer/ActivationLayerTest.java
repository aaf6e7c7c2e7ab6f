package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationLayerTest {

  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu", "sigmoid", "mish", "gelu_tanh", "prelu", "swish", "snake",
      "softplus", "softmax", "sparsemax", "geglu", "reglu"})
  void sharedGradientsMatchFiniteDifferences(String name) {
    ActivationLayer a = ActivationLayer.of(name, Map.of(), null);
    GradCheck.seed(77 + name.hashCode()).scale(2).layer(a, 3, 2, 4);
  }

  @Test
  void perChannelPreluHasOneWeightPerChannelAndCorrectGradients() {
    ActivationLayer a = ActivationLayer.perChannel(Catalog.get("prelu"), new double[] {0.25}, 3, null);
    Parameter w = a.parameters().get(0);
    assertEquals("prelu.weight", w.name());
    assertArrayEquals(new int[] {3}, w.value().shape());
    System.arraycopy(new float[] {0.1f, -0.5f, 0.9f}, 0, w.value().data(), 0, 3);
    GradCheck.Report r = GradCheck.seed(11).scale(2).layer(a, 2, 3, 2, 2);
    assertEquals(2, r.results().size());
    // channel c of every sample uses weight c: x = -1 everywhere gives y = -w[c]
    Tensor x = new Tensor(2, 3, 2, 2);
    x.fill(-1f);
    Tensor y = a.forward(x, Mode.EVAL);
    assertEquals(0.5f, y.get(1, 1, 0, 1));
    assertEquals(-0.9f, y.get(0, 2, 1, 0));
  }

  @Test
  void perChannelOnFeatureMatricesAndSnake() {
    ActivationLayer a = ActivationLayer.perChannel(Catalog.get("snake"), new double[] {0.8}, 4, null);
    GradCheck.seed(12).layer(a, 3, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> a.forward(new Tensor(3, 5), Mode.TRAIN));
    assertTrue(e.getMessage().contains("4 channels"), e.getMessage());
  }

  @Test
  void rreluTrainDrawsSlopesInRangeAndBackwardUsesThem() {
    ActivationLayer a = ActivationLayer.of("rrelu", Map.of(), new SplittableRandom(5));
    Tensor x = new Tensor(4, 50);
    x.fill(-2f);
    Tensor y = a.forward(x, Mode.TRAIN);
    Tensor ones = new Tensor(4, 50);
    ones.fill(1f);
    Tensor dx = a.backward(ones);
    float first = y.data()[0] / -2f;
    boolean varied = false;
    for (int i = 0; i < y.size(); i++) {
      float slope = y.data()[i] / -2f;
      assertTrue(slope >= 1f / 8 && slope <= 1f / 3, "slope " + slope);
      assertEquals(slope, dx.data()[i], 1e-6f, "backward slope at " + i);
      varied |= slope != first;
    }
    assertTrue(varied, "rrelu drew one slope for every element");
    Tensor e = a.forward(x, Mode.EVAL);
    assertEquals(-2f * (1f / 8 + 1f / 3) / 2, e.data()[7], 1e-6f);
  }

  @Test
  void rreluTrainGradientsWithFixedSlopes() {
    ActivationLayer a = ActivationLayer.of("rrelu", Map.of("lower", 0.1, "upper", 0.6), null);
    GradCheck.seed(13).mode(Mode.TRAIN).beforeForward(() -> a.initialize(new SplittableRandom(99))).layer(a, 3, 7);
  }

  @Test
  void rreluIsSeededAndNeedsAGeneratorInTraining() {
    Tensor x = GradCheck.uniform(new int[] {2, 9}, 1, new SplittableRandom(1));
    Tensor y1 = ActivationLayer.of("rrelu", Map.of(), new SplittableRandom(3)).forward(x, Mode.TRAIN);
    Tensor y2 = ActivationLayer.of("rrelu", Map.of(), new SplittableRandom(3)).forward(x, Mode.TRAIN);
    assertArrayEquals(y1.data(), y2.data());
    ActivationLayer none = ActivationLayer.of("rrelu", Map.of(), null);
    assertThrows(IllegalStateException.class, () -> none.forward(x, Mode.TRAIN));
    none.forward(x, Mode.EVAL); // the mean slope needs no generator
  }

  @Test
  void gluHalvesLastAxisAndRejectsOdd() {
    ActivationLayer g = ActivationLayer.of("glu", Map.of(), null);
    assertArrayEquals(new int[] {3, 2}, g.outputShape(new int[] {3, 4}));
    assertArrayEquals(new int[] {5, 3, 2}, g.forward(new Tensor(5, 3, 4), Mode.EVAL).shape());
    assertThrows(IllegalArgumentException.class, () -> g.forward(new Tensor(2, 3), Mode.EVAL));
  }

  @Test
  void softmaxRowsSumToOne() {
    Tensor x = GradCheck.uniform(new int[] {3, 5}, 3, new SplittableRandom(2));
    Tensor y = ActivationLayer.of("softmax", Map.of(), null).forward(x, Mode.EVAL);
    for (int r = 0; r < 3; r++) {
      double s = 0;
      for (int j = 0; j < 5; j++) {
        s += y.get(r, j);
      }
      assertEquals(1, s, 1e-6);
    }
  }

  @Test
  void invalidParametersAreRejectedWithTheirNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ActivationLayer.of("rrelu", Map.of("lower", 0.5, "upper", 0.2), null));
    assertTrue(e.getMessage().contains("lower"), e.getMessage());
    ActivationLayer s = ActivationLayer.of("snake", Map.of(), null);
    s.parameters().get(0).value().fill(0f); // an optimizer step landed on a forbidden value
    e = assertThrows(IllegalArgumentException.class, () -> s.forward(new Tensor(1, 2), Mode.TRAIN));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ActivationLayer.perChannel(Catalog.get("softmax"), new double[0], 3, null));
  }

  @Test
  void initializeRestoresLearnableValuesAndScopeRenames() {
    ActivationLayer a = ActivationLayer.of("swish", Map.of("beta", 1.5), null);
    a.parameters().get(0).value().fill(3f);
    a.initialize(new SplittableRandom(1));
    assertEquals(1.5f, a.parameters().get(0).value().data()[0]);
    a.scope("4.swish");
    assertEquals(List.of("4.swish.beta"), a.parameters().stream().map(Parameter::name).toList());
    assertNotEquals("", a.describe());
  }
}
