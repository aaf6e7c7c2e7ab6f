package org.actlab.nn.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.actlab.nn.Layer;
import org.actlab.nn.train.Model;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {

  /** The standard toolkit without some kinds, as a build that lacks a layer would be. */
  private record Limited(Toolkit base, String missing) implements Toolkit {
    @Override
    public Map<String, LayerFactory> layers() {
      Map<String, LayerFactory> m = new java.util.LinkedHashMap<>(base.layers());
      m.remove(missing);
      return m;
    }

    @Override
    public Layer sequence(List<Layer> layers) {
      return base.sequence(layers);
    }

    @Override
    public org.actlab.nn.Loss loss(boolean classification) {
      return base.loss(classification);
    }

    @Override
    public org.actlab.nn.Initializer initializer(String name, String activation, Map<String, Double> params) {
      return base.initializer(name, activation, params);
    }

    @Override
    public org.actlab.nn.Optimizer optimizer(String name, Map<String, Double> options) {
      return base.optimizer(name, options);
    }
  }

  private static ModelBuilder.Options opts(int[] shape, int outputs, String act, Map<String, Double> p) {
    return new ModelBuilder.Options(shape, outputs, outputs > 1, act, p, "xavier_uniform", 1);
  }

  private static Model build(String spec, int[] shape, int outputs) {
    return ModelBuilder.build(new StandardToolkit(), spec, opts(shape, outputs, "relu", Map.of()));
  }

  private static String error(String spec, ModelBuilder.Options o) {
    return assertThrows(SpecException.class, () -> ModelBuilder.build(new StandardToolkit(), spec, o)).getMessage();
  }

  @Test
  void flattensImagesAndAppendsTheOutputLayer() {
    Model m = build("dense:16,dense:8", new int[] {1, 4, 4}, 10);
    List<String> d = m.layers().stream().map(Layer::describe).toList();
    assertEquals(List.of("flatten", "dense(16→16, relu)", "dense(16→8, relu)", "dense(8→10)"), d);
    assertArrayEquals(new int[] {10}, m.outputShape());
    assertEquals("softmax_cross_entropy", m.loss().name());
    assertEquals(16 * 16 + 16 + 16 * 8 + 8 + 8 * 10 + 10, m.parameterCount());
    assertEquals("dense:16,dense:8", m.spec());
  }

  @Test
  void perLayerActivationsResidualAndRegressionLoss() {
    Model m = ModelBuilder.build(new StandardToolkit(), "dense:4:tanh,residual(dense:4,act:sigmoid),bn,dropout:0.5",
        opts(new int[] {3}, 1, "elu", Map.of("alpha", 0.5)));
    List<String> d = m.layers().stream().map(Layer::describe).toList();
    assertEquals("dense(3→4, tanh)", d.get(0));
    assertTrue(d.get(1).startsWith("residual(sequential[dense(4→4, elu(alpha=0.5)) → sigmoid"), d.get(1));
    assertEquals(List.of("batchnorm(4, momentum=0.1, eps=1.0E-5)", "dropout(p=0.5)", "dense(4→1)"), d.subList(2, 5));
    assertEquals("mean_squared_error", m.loss().name());
    assertEquals(List.of("2.batchnorm.running_mean", "2.batchnorm.running_var"), List.copyOf(m.buffers().keySet()));
    assertEquals(List.of("dense(2→3)"), build("", new int[] {2}, 3).layers().stream().map(Layer::describe).toList());
  }

  @Test
  void convPoolRnnAndAttentionShapes() {
    Model c = build("conv:4:3:1:1,pool:max:2,conv:2:3,pool:avg:2:1,dense:5", new int[] {1, 8, 8}, 3);
    assertEquals(List.of("conv2d", "relu", "maxpool2d", "conv2d", "relu", "avgpool2d", "flatten", "dense", "dense"),
        c.layers().stream().map(l -> l.describe().replaceAll("[(\\[].*", "")).toList());
    assertArrayEquals(new int[] {3}, c.outputShape());
    Model r = build("rnn:6:seq,attention:4", new int[] {7, 3}, 2);
    assertArrayEquals(new int[] {2}, r.outputShape());
  }

  @Test
  void errorsNameTheTokenOrTheOption() {
    Toolkit noConv = new Limited(new StandardToolkit(), "conv");
    String kind = assertThrows(SpecException.class, () -> ModelBuilder.build(noConv, "dense:8,conv:4:3",
        opts(new int[] {8}, 2, "relu", Map.of()))).getMessage();
    assertTrue(kind.contains("'conv'") && kind.contains("not available in this build") && kind.contains("dense"), kind);
    String conv = error("dense:8,conv:4:3", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(conv.contains("layer 'conv:4:3' cannot take input of shape [8]: conv needs [channels, height, width]"),
        conv);
    String act = error("dense:8:relu", opts(new int[] {8}, 2, "rellu", Map.of()));
    assertTrue(act.startsWith("--act rellu: unknown function 'rellu'"), act);
    String layerAct = error("dense:8:swishy", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(layerAct.startsWith("dense:8:swishy: unknown function 'swishy'"), layerAct);
    String param = error("dense:8", opts(new int[] {8}, 2, "elu", Map.of("beta", 1.0)));
    assertTrue(param.contains("beta"), param);
    String shape = error("residual(dense:3)", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(shape.contains("layer 'residual(dense:3)' cannot take input of shape [8]")
        && shape.contains("needs the same shape"), shape);
    String init = error("dense:8", new ModelBuilder.Options(new int[] {8}, 2, true, "relu", Map.of(), "he", 1));
    assertTrue(init.contains("unknown initializer 'he'"), init);
    String parse = error("dense:8,", opts(new int[] {8}, 2, "relu", Map.of()));
    assertTrue(parse.contains("empty layer"), parse);
  }
}
