package org.actlab.nn.spec;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;

/**
 * What a {@link LayerFactory} may use: the input sample shape, the layer's activation (its own ACT argument or
 * the model default, with the default's parameters), an initializer suited to that activation, a random source
 * for stochastic layers, and for {@code residual} the layers of its body built on the same input shape.
 */
public final class Site {

  private final ModelBuilder builder;
  private final LayerSpec spec;
  private final int[] inputShape;
  private final String activation;
  private final Map<String, Double> activationParams;
  private final SplittableRandom rng;

  Site(ModelBuilder builder, LayerSpec spec, int[] inputShape, String activation,
       Map<String, Double> activationParams, SplittableRandom rng) {
    this.builder = builder;
    this.spec = spec;
    this.inputShape = inputShape.clone();
    this.activation = activation;
    this.activationParams = Map.copyOf(activationParams);
    this.rng = rng;
  }

  /** One input sample's shape (no batch axis). */
  public int[] inputShape() {
    return inputShape.clone();
  }

  /** Catalog id of this layer's activation. */
  public String activation() {
    return activation;
  }

  /** Parameters of {@link #activation()} given by the user (missing ones take the catalog defaults). */
  public Map<String, Double> activationParams() {
    return activationParams;
  }

  /** The model's initializer, configured for this layer's activation. */
  public Initializer initializer() {
    return builder.initializer(activation, activationParams);
  }

  /** A random source of this layer's own (dropout masks before the trainer reseeds). */
  public SplittableRandom rng() {
    return rng;
  }

  /** The body of a {@code residual(...)}, built on this input shape with the same defaults. */
  public List<Layer> body() {
    return builder.chain(spec.body(), inputShape, rng.split());
  }
}
