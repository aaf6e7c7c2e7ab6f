package org.actlab.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Layer;
import org.actlab.nn.Loss;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/**
 * A chain of layers with its loss: what the trainer trains and a checkpoint saves. Remembers the spec it was
 * built from so that a checkpoint can rebuild it. Parameters are listed in layer order, which is the order a
 * checkpoint stores them in.
 */
public final class Model {

  private final String spec;
  private final List<Layer> layers;
  private final int[] inputShape;
  private final int[] outputShape;
  private final Loss loss;
  private final boolean classification;
  private final List<Parameter> parameters;

  public Model(String spec, List<Layer> layers, int[] inputShape, Loss loss, boolean classification) {
    this.spec = spec;
    this.layers = List.copyOf(layers);
    this.inputShape = inputShape.clone();
    int[] s = this.inputShape;
    List<Parameter> ps = new ArrayList<>();
    for (Layer l : this.layers) {
      s = l.outputShape(s);
      ps.addAll(l.parameters());
    }
    this.outputShape = s;
    this.loss = loss;
    this.classification = classification;
    this.parameters = List.copyOf(ps);
  }

  public String spec() {
    return spec;
  }

  public List<Layer> layers() {
    return layers;
  }

  public int[] inputShape() {
    return inputShape.clone();
  }

  public int[] outputShape() {
    return outputShape.clone();
  }

  public Loss loss() {
    return loss;
  }

  /** True when targets are class indices (accuracy is measured), false for regression. */
  public boolean classification() {
    return classification;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public long parameterCount() {
    return parameters.stream().mapToLong(Parameter::size).sum();
  }

  public Tensor forward(Tensor x, Mode mode) {
    Tensor h = x;
    for (Layer l : layers) {
      h = l.forward(h, mode);
    }
    return h;
  }

  public Tensor backward(Tensor dy) {
    Tensor g = dy;
    for (int i = layers.size() - 1; i >= 0; i--) {
      g = layers.get(i).backward(g);
    }
    return g;
  }

  /** Initialises every layer from its own split of {@code rng}, in layer order. */
  public void initialize(SplittableRandom rng) {
    for (Layer l : layers) {
      l.initialize(rng.split());
    }
  }

  /** Gives every {@link Reseedable} layer a fresh random source (a split per layer, in order). */
  public void reseed(SplittableRandom rng) {
    for (Layer l : layers) {
      SplittableRandom r = rng.split();
      if (l instanceof Reseedable s) {
        s.reseed(r);
      }
    }
  }

  /** Buffers of the {@link LayerBuffers} layers, keyed {@code "<layer index>/<key>"}. */
  public Map<String, Tensor> buffers() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof LayerBuffers b) {
        for (Map.Entry<String, Tensor> e : b.buffers().entrySet()) {
          out.put(i + "/" + e.getKey(), e.getValue());
        }
      }
    }
    return out;
  }

  /** Restores buffers exported by {@link #buffers()}; every layer with buffers must find its own. */
  public void loadBuffers(Map<String, Tensor> buffers) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof LayerBuffers b) {
        String prefix = i + "/";
        Map<String, Tensor> mine = new LinkedHashMap<>();
        buffers.forEach((k, v) -> {
          if (k.startsWith(prefix)) {
            mine.put(k.substring(prefix.length()), v);
          }
        });
        b.loadBuffers(mine);
      }
    }
  }

  /** One line per layer with its output shape, then the loss and the parameter count. */
  public String describe() {
    StringBuilder sb = new StringBuilder("input " + Arrays.toString(inputShape) + "\n");
    int[] s = inputShape;
    for (Layer l : layers) {
      s = l.outputShape(s);
      sb.append("  ").append(l.describe()).append(" -> ").append(Arrays.toString(s)).append('\n');
    }
    return sb.append("loss ").append(loss.name()).append(", ").append(parameterCount()).append(" parameters")
        .toString();
  }
}
