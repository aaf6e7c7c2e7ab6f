package org.actlab.nn.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.actlab.nn.Layer;
import org.actlab.nn.testkit.TestToolkit;
import org.actlab.nn.train.Model;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {

  private static ModelBuilder.Options opts(int[] shape, int outputs, String act, Map<String, Double> p) {
    return new ModelBuilder.Options(shape, outputs, outputs > 1, act, p, "glorot", 1);
  }

  private static Model build(String spec, int[] shape, int outputs) {
    return ModelBuilder.build(new TestToolkit(), spec, opts(shape, outputs, "relu", Map.of()));
  }

  private static String error(String spec, ModelBuilder.Options o) {
    return assertThrows(SpecException.class, () -> ModelBuilder.build(new TestToolkit(), spec, o)).getMessage();
  }

  @Test
  void flattensImagesAndAppendsTheOutputLayer() {
    Model m = build("dense:16,dense:8", new int[] {1, 4, 4}, 10);
    List<String> d = m.layers().stream().map(Layer::describe).toList();
    assertEquals(List.of("test_flatten", "test_linear(16→16, relu)", "test_linear(16→8, relu)",
        "test_linear(8→10, identity)"), d);
    assertArrayEquals(new int[] {10}, m.outputShape());
    assertEquals("test_softmax_cross_entropy", m.loss().name());
    assertEquals(16 * 16 + 16 + 16 * 8 + 8 + 8 * 10 + 10, m.parameterCount());
    assertEquals("dense:16,dense:8", m.spec());
  }

  @Test
  void perLayerActivationsResidualAndRegressionLoss() {
    Model m = ModelBuilder.build(new TestToolkit(), "dense:4:tanh,residual(dense:4,act:sigmoid),bn,dropout:0.5",
        opts(new int[] {3}, 1, "elu", Map.of("alpha", 0.5)));
    List<String> d = m.layers().stream().map(Layer::describe).toList();
    assertEquals("test_linear(3→4, tanh)", d.get(0));
    assertTrue(d.get(1).startsWith("test_residual(test_sequence[test_linear(4→4, elu), test_act(sigmoid)"), d.get(1));
    assertEquals("test_mse", m.loss().name());
    assertEquals("", build("", new int[] {2}, 3).layers().stream().skip(1).map(Layer::describe)
        .reduce("", String::concat));
  }

  @Test
  void errorsNameTheTokenOrTheOption() {
    String kind = error("dense:8,conv:4:3", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(kind.contains("'conv'") && kind.contains("not available in this build") && kind.contains("dense"), kind);
    String act = error("dense:8:relu", opts(new int[] {8}, 2, "rellu", Map.of()));
    assertTrue(act.startsWith("--act rellu: unknown function 'rellu'"), act);
    String layerAct = error("dense:8:swishy", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(layerAct.startsWith("dense:8:swishy: unknown function 'swishy'"), layerAct);
    String param = error("dense:8", opts(new int[] {8}, 2, "elu", Map.of("beta", 1.0)));
    assertTrue(param.contains("beta"), param);
    String shape = error("residual(dense:3)", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(shape.contains("layer 'residual(dense:3)' cannot take input of shape [8]")
        && shape.contains("changes the shape"), shape);
    String init = error("dense:8", new ModelBuilder.Options(new int[] {8}, 2, true, "relu", Map.of(), "he", 1));
    assertTrue(init.contains("unknown initializer 'he'"), init);
    String parse = error("dense:8,", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(parse.contains("empty layer"), parse);
  }
}
