package org.actlab.nn.testkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Loss;
import org.actlab.nn.Mode;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.spec.LayerFactory;
import org.actlab.nn.spec.Toolkit;

/**
 * TEST STAND-IN Toolkit (registered for tests in META-INF/services): dense, act, flatten, dropout, bn (a
 * running-mean centring) and residual from the stand-in layers; initializers glorot/xavier_uniform; optimizer
 * sgd. The real one (StandardToolkit) is wired by the lead after the layers, losses and optimizers merge.
 */
public final class TestToolkit implements Toolkit {

  private int counter;

  @Override
  public Map<String, LayerFactory> layers() {
    Map<String, LayerFactory> m = new LinkedHashMap<>();
    m.put("dense", (s, site) -> new TestLinear((counter++) + ".dense", site.inputShape()[0], s.integer(0, 0),
        site.activation(), site.activationParams(), site.initializer()));
    m.put("act", (s, site) -> new TestLinearFree(site.activation(), site.activationParams()));
    m.put("flatten", (s, site) -> new TestLayers.Flatten());
    m.put("dropout", (s, site) -> new TestLayers.Dropout(s.real(0, 0), site.rng()));
    m.put("bn", (s, site) -> new TestLayers.Center(Arrays.stream(site.inputShape()).reduce(1, (a, b) -> a * b)));
    m.put("residual", (s, site) -> {
      List<Layer> body = site.body();
      return new TestLayers.Residual(body.size() == 1 ? body.getFirst() : sequence(body));
    });
    return m;
  }

  @Override
  public Layer sequence(List<Layer> layers) {
    return new Layer() {
      @Override
      public Tensor forward(Tensor x, Mode mode) {
        Tensor h = x;
        for (Layer l : layers) {
          h = l.forward(h, mode);
        }
        return h;
      }

      @Override
      public Tensor backward(Tensor dy) {
        Tensor g = dy;
        for (int i = layers.size() - 1; i >= 0; i--) {
          g = layers.get(i).backward(g);
        }
        return g;
      }

      @Override
      public List<Parameter> parameters() {
        return layers.stream().flatMap(l -> l.parameters().stream()).toList();
      }

      @Override
      public int[] outputShape(int[] s) {
        for (Layer l : layers) {
          s = l.outputShape(s);
        }
        return s;
      }

      @Override
      public String describe() {
        return "test_sequence" + layers.stream().map(Layer::describe).toList();
      }

      @Override
      public void initialize(java.util.SplittableRandom rng) {
        layers.forEach(l -> l.initialize(rng.split()));
      }
    };
  }

  @Override
  public Loss loss(boolean classification) {
    return classification ? new TestTraining.SoftmaxCe() : new TestTraining.Mse();
  }

  @Override
  public Initializer initializer(String name, String activation, Map<String, Double> params) {
    if (!name.equals("glorot") && !name.equals("xavier_uniform")) {
      throw new IllegalArgumentException("unknown initializer '" + name + "'; valid: glorot, xavier_uniform");
    }
    return new TestTraining.Glorot();
  }

  @Override
  public Optimizer optimizer(String name, Map<String, Double> options) {
    if (!name.equals("sgd")) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; valid: sgd");
    }
    for (String k : options.keySet()) {
      if (!k.equals("lr") && !k.equals("momentum")) {
        throw new IllegalArgumentException("sgd: unknown option '" + k + "'; valid: lr, momentum");
      }
    }
    return new TestTraining.Sgd(options.getOrDefault("lr", 0.01), options.getOrDefault("momentum", 0.9));
  }
}
