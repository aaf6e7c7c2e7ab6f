package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Sequential;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

class ResidualTest {

  @Test
  void gradientsThroughSkipAndInner() {
    Residual r = new Residual(Sequential.of(new Dense(4, 4, "gelu", Map.of(), TestInit.GLOROT),
        new Dense(4, 4, "prelu", Map.of(), TestInit.GLOROT)));
    r.initialize(new SplittableRandom(3));
    GradCheck.Report rep = GradCheck.seed(3).layer(r, 3, 4);
    assertEquals(1 + 5, rep.results().size());
    assertEquals("residual.sequential.1.dense.prelu.weight", r.parameters().get(4).name());
  }

  @Test
  void addsTheInput() {
    Residual r = new Residual(new Dense(2, 2, (String) null, Map.of(), TestInit.GLOROT));
    Tensor x = Tensor.of(new float[] {1, 2}, 1, 2);
    r.parameters().get(1).value().data()[0] = 0.5f; // W = 0, b = (0.5, 0): y = x + b
    Tensor y = r.forward(x, Mode.EVAL);
    assertEquals(1.5f, y.get(0, 0));
    assertEquals(2f, y.get(0, 1));
  }

  @Test
  void shapeMismatchIsAClearError() {
    Residual r = new Residual(new Dense(4, 3, "relu", Map.of(), TestInit.GLOROT));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.outputShape(new int[] {4}));
    assertTrue(e.getMessage().contains("same shape"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> r.forward(new Tensor(2, 4), Mode.TRAIN));
    assertTrue(e.getMessage().contains("[2, 4] to [2, 3]"), e.getMessage());
  }
}
