package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Sequential;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

class SequentialTest {

  private static Sequential cnn() {
    return Sequential.of(
        new Conv2D(1, 2, 3, 1, 1, TestInit.GLOROT),
        new BatchNorm(2),
        ActivationLayer.perChannel(org.actlab.core.activation.Catalog.get("prelu"), new double[] {0.25}, 2, null),
        new MaxPool2D(2, 2),
        new Flatten(),
        new Dense(8, 4, "tanh", Map.of(), TestInit.GLOROT),
        new Residual(new Dense(4, 4, "silu", Map.of(), TestInit.GLOROT)),
        new Dense(4, 6, "glu", Map.of(), TestInit.GLOROT));
  }

  @Test
  void namesAreIndexKindParam() {
    Sequential s = cnn();
    assertEquals(List.of("0.conv2d.weight", "0.conv2d.bias", "1.batchnorm.weight", "1.batchnorm.bias",
        "2.prelu.weight", "5.dense.weight", "5.dense.bias", "6.residual.dense.weight", "6.residual.dense.bias",
        "7.dense.weight", "7.dense.bias"), s.parameters().stream().map(Parameter::name).toList());
    assertEquals(List.of("1.batchnorm.running_mean", "1.batchnorm.running_var"), List.copyOf(s.buffers().keySet()));
  }

  @Test
  void wholeNetworkGradientCheck() {
    Sequential s = cnn();
    s.initialize(new SplittableRandom(17));
    assertArrayEquals(new int[] {3}, s.outputShape(new int[] {1, 4, 4}));
    // A deep composite (batch norm over 16 values per channel feeding tanh, silu, glu) has larger third
    // derivatives than one layer: at the default step 1e-2 the truncation error reaches 1.5%, at 3e-3 it is gone.
    GradCheck.seed(17).step(3e-3).kinkBudget(0.15).layer(s, 3, 1, 4, 4);
  }

  @Test
  void initializeIsDeterministic() {
    Sequential a = cnn();
    Sequential b = cnn();
    a.initialize(new SplittableRandom(5));
    b.initialize(new SplittableRandom(5));
    for (int i = 0; i < a.parameters().size(); i++) {
      assertArrayEquals(a.parameters().get(i).value().data(), b.parameters().get(i).value().data());
    }
  }

  @Test
  void shapeErrorsNameTheLayer() {
    Sequential s = Sequential.of(new Flatten(), new Dense(5, 2, "relu", Map.of(), TestInit.GLOROT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.outputShape(new int[] {2, 3}));
    assertTrue(e.getMessage().startsWith("layer 1 (dense(5→2, relu))"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Sequential(List.of()));
  }

  @Test
  void duplicateNamesFromUnscopedLayersAreRejected() {
    Layer fixedName = new Layer() {
      final Parameter p = new Parameter("w", 1);

      @Override
      public Tensor forward(Tensor x, Mode mode) {
        return x.copy();
      }

      @Override
      public Tensor backward(Tensor dy) {
        return dy.copy();
      }

      @Override
      public List<Parameter> parameters() {
        return List.of(p);
      }

      @Override
      public int[] outputShape(int[] s) {
        return s.clone();
      }

      @Override
      public String describe() {
        return "fixed";
      }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sequential.of(fixedName, fixedName));
    assertTrue(e.getMessage().contains("'w'"), e.getMessage());
  }
}
