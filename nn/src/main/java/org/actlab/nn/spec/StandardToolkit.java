package org.actlab.nn.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Loss;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Sequential;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.ActivationLayer;
import org.actlab.nn.layer.AlphaDropout;
import org.actlab.nn.layer.AvgPool2D;
import org.actlab.nn.layer.BatchNorm;
import org.actlab.nn.layer.Conv2D;
import org.actlab.nn.layer.Dense;
import org.actlab.nn.layer.Dropout;
import org.actlab.nn.layer.ElmanRnn;
import org.actlab.nn.layer.Flatten;
import org.actlab.nn.layer.MaxPool2D;
import org.actlab.nn.layer.Pointwise;
import org.actlab.nn.layer.RecurrentActivation;
import org.actlab.nn.layer.Residual;
import org.actlab.nn.layer.SelfAttention;
import org.actlab.nn.loss.MeanSquaredError;
import org.actlab.nn.loss.SoftmaxCrossEntropy;
import org.actlab.nn.optim.Optimizers;

/**
 * The one place where model-spec kinds meet the layer classes (registered in
 * {@code META-INF/services/org.actlab.nn.spec.Toolkit}). Shapes are sample shapes: {@code dense} takes [F],
 * {@code conv}/{@code pool} [C,H,W], {@code rnn}/{@code attention} [T,F]; {@code bn} normalises axis 1 (features
 * of a vector, channels of an image). {@code dense:N:identity} (and the output layer) is a linear layer.
 */
public final class StandardToolkit implements Toolkit {

  private static final Map<String, LayerFactory> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("dense", (s, site) -> new Dense(site.inputShape()[0], s.integer(0, 0),
        site.activation().equals("identity") ? null : site.activation(), site.activationParams(),
        site.initializer()));
    LAYERS.put("conv", (s, site) -> new Conv2D(channels(site, "conv"), s.integer(0, 0), s.integer(1, 0),
        s.integer(2, 1), s.integer(3, 0), site.initializer()));
    LAYERS.put("pool", (s, site) -> s.text(0, "max").equals("max")
        ? new MaxPool2D(s.integer(1, 0), s.integer(2, s.integer(1, 0)))
        : new AvgPool2D(s.integer(1, 0), s.integer(2, s.integer(1, 0))));
    LAYERS.put("flatten", (s, site) -> new Flatten());
    LAYERS.put("bn", (s, site) -> new BatchNorm(site.inputShape()[0]));
    LAYERS.put("dropout", (s, site) -> new Dropout(s.real(0, 0), site.rng()));
    LAYERS.put("alphadropout", (s, site) -> new AlphaDropout(s.real(0, 0), site.rng()));
    LAYERS.put("act", (s, site) -> ActivationLayer.of(site.activation(), site.activationParams(), site.rng()));
    LAYERS.put("rnn", (s, site) -> new ElmanRnn(sequence(site, "rnn")[1], s.integer(0, 0),
        RecurrentActivation.of(Pointwise.of(site.activation(), site.activationParams())), s.arity() > 1,
        site.initializer()));
    LAYERS.put("attention", (s, site) -> new SelfAttention(sequence(site, "attention")[1], s.integer(0, 0),
        site.initializer()));
    LAYERS.put("residual", (s, site) -> {
      List<Layer> body = site.body();
      return new Residual(body.size() == 1 ? body.getFirst() : new Sequential(body));
    });
  }

  @Override
  public Map<String, LayerFactory> layers() {
    return LAYERS;
  }

  @Override
  public Layer sequence(List<Layer> layers) {
    return new Sequential(layers);
  }

  @Override
  public Loss loss(boolean classification) {
    return classification ? new SoftmaxCrossEntropy() : new MeanSquaredError();
  }

  @Override
  public Initializer initializer(String name, String activation, Map<String, Double> activationParams) {
    return Initializers.create(name, activation, activationParams);
  }

  @Override
  public Optimizer optimizer(String name, Map<String, Double> options) {
    return Optimizers.create(name, options);
  }

  private static int channels(Site site, String kind) {
    int[] s = site.inputShape();
    if (s.length != 3) {
      throw new IllegalArgumentException(kind + " needs [channels, height, width] samples");
    }
    return s[0];
  }

  private static int[] sequence(Site site, String kind) {
    int[] s = site.inputShape();
    if (s.length != 2) {
      throw new IllegalArgumentException(kind + " needs [time, features] samples");
    }
    return s;
  }
}
