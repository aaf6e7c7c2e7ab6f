package org.actlab.nn.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.train.Model;
import org.actlab.nn.train.Seeds;

/**
 * Turns a model spec into a {@link Model} through the {@link Toolkit}'s factories. Besides the listed layers it
 * inserts a {@code flatten} before a {@code dense} whose input is not a vector, an activation layer after each
 * {@code conv}, and appends the output layer: {@code dense} to {@code outputs} units with the {@code identity}
 * activation. The loss follows the task (softmax cross-entropy for classes, mean squared error otherwise).
 */
public final class ModelBuilder {

  /**
   * What to build for.
   *
   * @param inputShape       one sample's shape, e.g. [1, 28, 28]
   * @param outputs          classes, or regression outputs
   * @param activation       default activation id ({@code --act})
   * @param activationParams its parameters ({@code -p}); other activations named in the spec use defaults
   * @param initializer      initializer name ({@code --init})
   * @param seed             seed of the layers' initial random sources
   */
  public record Options(int[] inputShape, int outputs, boolean classification, String activation,
                        Map<String, Double> activationParams, String initializer, long seed) {}

  /** Kinds after which the builder adds the default activation. */
  private static final List<String> ACTIVATED = List.of("conv");

  private final Toolkit toolkit;
  private final Options options;
  /** Every layer built, at any depth, except residual wrappers: the trainer reseeds the stochastic ones. */
  private final List<Layer> leaves = new ArrayList<>();

  private ModelBuilder(Toolkit toolkit, Options options) {
    this.toolkit = toolkit;
    this.options = options;
  }

  /** Parses and builds; parameters are not initialised yet ({@code Trainer.initialize} does it). */
  public static Model build(Toolkit toolkit, String spec, Options o) {
    return new ModelBuilder(toolkit, o).build(spec);
  }

  private Model build(String spec) {
    Options o = options;
    checkActivation(o.activation(), o.activationParams(), "--act " + o.activation());
    try {
      Initializer probe = toolkit.initializer(o.initializer(), o.activation(), o.activationParams());
      if (probe == null) {
        throw new SpecException("the toolkit has no initializer '" + o.initializer() + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new SpecException(e.getMessage(), e);
    }
    List<LayerSpec> specs = new ArrayList<>(ModelSpec.parse(spec));
    specs.add(LayerSpec.of("dense", Integer.toString(o.outputs()), "identity"));
    List<Layer> layers = chain(specs, o.inputShape(), Seeds.stream(o.seed(), Seeds.INIT + 100, 0));
    try {
      return new Model(spec, layers, leaves, o.inputShape(), toolkit.loss(o.classification()), o.classification());
    } catch (IllegalArgumentException e) {
      throw new SpecException("model '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** Builds {@code specs} in order from {@code shape}, with the automatic flatten and activation layers. */
  List<Layer> chain(List<LayerSpec> specs, int[] shape, SplittableRandom rng) {
    List<Layer> out = new ArrayList<>();
    int[] s = shape;
    for (LayerSpec spec : specs) {
      if (spec.kind().equals("dense") && s.length != 1) {
        s = add(out, LayerSpec.of("flatten"), s, rng);
      }
      s = add(out, spec, s, rng);
      if (ACTIVATED.contains(spec.kind())) {
        s = add(out, LayerSpec.of("act"), s, rng);
      }
    }
    return out;
  }

  private int[] add(List<Layer> out, LayerSpec spec, int[] shape, SplittableRandom rng) {
    LayerFactory f = toolkit.layers().get(spec.kind());
    if (f == null) {
      throw new SpecException("layer kind '" + spec.kind() + "' (at '" + spec + "') is not available in this "
          + "build; available: " + String.join(", ", toolkit.layers().keySet()));
    }
    String act = options.activation();
    Map<String, Double> params = options.activationParams();
    if ((spec.kind().equals("dense") || spec.kind().equals("act")) && spec.arity() > (spec.kind().equals("act")
        ? 0 : 1)) {
      act = spec.args().getLast();
      params = Map.of();
      checkActivation(act, params, spec.token());
    }
    try {
      Layer l = f.create(spec, new Site(this, spec, shape, act, params, rng.split()));
      int[] next = l.outputShape(shape);
      if (spec.kind().equals("residual") && !Arrays.equals(next, shape)) {
        throw new IllegalArgumentException("its body changes the shape " + Arrays.toString(shape) + " to "
            + Arrays.toString(next));
      }
      out.add(l);
      if (!spec.kind().equals("residual")) {
        leaves.add(l);
      }
      return next;
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SpecException("layer '" + spec + "' cannot take input of shape " + Arrays.toString(shape) + ": "
          + e.getMessage(), e);
    }
  }

  Initializer initializer(String activation, Map<String, Double> params) {
    return toolkit.initializer(options.initializer(), activation, params);
  }

  private static void checkActivation(String name, Map<String, Double> params, String where) {
    try {
      Entry e = Catalog.get(name);
      Catalog.params(e, params);
    } catch (IllegalArgumentException e) {
      throw new SpecException(where + ": " + e.getMessage(), e);
    }
  }
}
