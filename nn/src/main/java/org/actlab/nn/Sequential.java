package org.actlab.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Layers applied in order, itself a {@link Layer}: forward runs them first to last, backward last to first.
 *
 * <p>Naming: at construction every {@link Scoped} layer is scoped {@code "index.kind"}, so its parameters and
 * buffers are called {@code "0.dense.weight"}, {@code "1.batchnorm.running_mean"} (a nested container extends the
 * prefix: {@code "2.residual.dense.weight"}). Layers that are not {@code Scoped} keep their own names; the
 * constructor fails if two parameters end up with the same name, since optimizer state and checkpoints are keyed
 * by name. Obtain parameters from {@link #parameters()} after construction (scoping re-creates them).
 */
public final class Sequential implements Layer, Scoped, Buffered {

  private final List<Layer> layers;

  /**
   * @throws IllegalArgumentException if {@code layers} is empty or parameter names collide
   */
  public Sequential(List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a Sequential needs at least one layer");
    }
    this.layers = List.copyOf(layers);
    scope("");
  }

  public static Sequential of(Layer... layers) {
    return new Sequential(List.of(layers));
  }

  /** The layers, in order. */
  public List<Layer> layers() {
    return layers;
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    Tensor t = x;
    for (Layer l : layers) {
      t = l.forward(t, mode);
    }
    return t;
  }

  @Override
  public Tensor backward(Tensor dy) {
    Tensor g = dy;
    for (int i = layers.size() - 1; i >= 0; i--) {
      g = layers.get(i).backward(g);
    }
    return g;
  }

  /** Every layer's parameters, in layer order. */
  @Override
  public List<Parameter> parameters() {
    List<Parameter> ps = new ArrayList<>();
    for (Layer l : layers) {
      ps.addAll(l.parameters());
    }
    return List.copyOf(ps);
  }

  /** Chains the layers' output shapes; the failing layer's message is prefixed with its index. */
  @Override
  public int[] outputShape(int[] inputShape) {
    int[] s = inputShape.clone();
    for (int i = 0; i < layers.size(); i++) {
      try {
        s = layers.get(i).outputShape(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + i + " (" + layers.get(i).describe() + "): "
            + e.getMessage(), e);
      }
    }
    return s;
  }

  @Override
  public String describe() {
    return "sequential[" + String.join(" → ", layers.stream().map(Layer::describe).toList()) + "]";
  }

  /** Initializes layer {@code i} from the i-th {@code rng.split()}, so each layer's draw is independent. */
  @Override
  public void initialize(SplittableRandom rng) {
    for (Layer l : layers) {
      l.initialize(rng.split());
    }
  }

  @Override
  public String kind() {
    return "sequential";
  }

  @Override
  public void scope(String scope) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Scoped s) {
        String local = i + "." + s.kind();
        s.scope(scope.isEmpty() ? local : scope + "." + local);
      }
    }
    Set<String> seen = new HashSet<>();
    for (Parameter p : parameters()) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("two parameters are named '" + p.name() + "'; layers that do not "
            + "implement Scoped must give their parameters unique names");
      }
    }
  }

  /** Every {@link Buffered} layer's buffers, in layer order. */
  @Override
  public Map<String, Tensor> buffers() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    for (Layer l : layers) {
      if (l instanceof Buffered b) {
        m.putAll(b.buffers());
      }
    }
    return m;
  }

  @Override
  public void loadBuffers(Map<String, Tensor> saved) {
    for (Layer l : layers) {
      if (l instanceof Buffered b) {
        b.loadBuffers(saved);
      }
    }
  }
}
