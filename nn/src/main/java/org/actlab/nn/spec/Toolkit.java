package org.actlab.nn.spec;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Loss;
import org.actlab.nn.Optimizer;

/**
 * The concrete layers, losses, initializers and optimizers behind model specs and the {@code train} command.
 * The standard implementation is found with {@link ServiceLoader} (a
 * {@code META-INF/services/org.actlab.nn.spec.Toolkit} entry) so that the parser, builder, trainer and CLI do not
 * depend on the layer classes. {@link #layers()} maps each kind of {@link ModelSpec#kinds()} to a factory.
 */
public interface Toolkit {

  /** Factories by kind: every kind of the grammar that this build supports. */
  Map<String, LayerFactory> layers();

  /** Wraps several layers into one (the body of a residual with more than one layer). */
  Layer sequence(List<Layer> layers);

  /** Softmax cross-entropy for classification, mean squared error for regression. */
  Loss loss(boolean classification);

  /**
   * The named initializer for a layer followed by {@code activation}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  Initializer initializer(String name, String activation, Map<String, Double> activationParams);

  /**
   * The named optimizer; {@code options} holds at least {@code lr}.
   *
   * @throws IllegalArgumentException for an unknown name or option, listing the valid ones
   */
  Optimizer optimizer(String name, Map<String, Double> options);

  /**
   * The toolkit registered on the class path.
   *
   * @throws IllegalStateException if none is registered
   */
  static Toolkit standard() {
    Iterator<Toolkit> it = ServiceLoader.load(Toolkit.class).iterator();
    if (!it.hasNext()) {
      throw new IllegalStateException("no org.actlab.nn.spec.Toolkit is registered on the class path "
          + "(META-INF/services/org.actlab.nn.spec.Toolkit)");
    }
    return it.next();
  }
}
