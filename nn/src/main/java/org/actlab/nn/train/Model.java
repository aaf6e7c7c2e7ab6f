package org.actlab.nn.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Layer;
import org.actlab.nn.Loss;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Sequential;
import org.actlab.nn.Tensor;

/**
 * A chain of layers with its loss: what the trainer trains and a checkpoint saves. Remembers the spec it was
 * built from so that a checkpoint can rebuild it. The layers are held in a {@link Sequential}, which gives the
 * parameters and buffers unique names ({@code "0.dense.weight"}, {@code "1.batchnorm.running_mean"}); parameters
 * are listed in layer order, the order a checkpoint stores them in.
 *
 * <p>Random sources: a {@code SplittableRandom} cannot export its state, so the trainer reseeds the stochastic
 * layers (dropout, alpha dropout, rrelu activation layers) at every epoch from (seed, epoch) with
 * {@link #reseed}: it calls {@code initialize} on every parameter-free layer of {@code leaves} (for such layers
 * {@code initialize} only replaces the random source). That makes a resumed run continue bit for bit.
 */
public final class Model {

  private final String spec;
  private final Sequential net;
  private final List<Layer> leaves;
  private final int[] inputShape;
  private final int[] outputShape;
  private final Loss loss;
  private final boolean classification;
  private final List<Parameter> parameters;

  /** A model whose top-level {@code layers} are also the ones {@link #reseed} visits. */
  public Model(String spec, List<Layer> layers, int[] inputShape, Loss loss, boolean classification) {
    this(spec, layers, layers, inputShape, loss, classification);
  }

  /**
   * @param leaves every layer built, at any depth (inside residual blocks too), in build order
   * @throws IllegalArgumentException if parameter names collide or the layers do not fit {@code inputShape}
   */
  public Model(String spec, List<Layer> layers, List<Layer> leaves, int[] inputShape, Loss loss,
               boolean classification) {
    this.spec = spec;
    this.net = new Sequential(layers);
    this.leaves = List.copyOf(leaves);
    this.inputShape = inputShape.clone();
    this.outputShape = net.outputShape(this.inputShape);
    this.loss = loss;
    this.classification = classification;
    this.parameters = net.parameters();
  }

  public String spec() {
    return spec;
  }

  public List<Layer> layers() {
    return net.layers();
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
    return net.forward(x, mode);
  }

  public Tensor backward(Tensor dy) {
    return net.backward(dy);
  }

  /** Initialises every layer from its own split of {@code rng}, in layer order. */
  public void initialize(SplittableRandom rng) {
    net.initialize(rng);
  }

  /** Gives every parameter-free leaf a fresh random source (one split per leaf, in build order). */
  public void reseed(SplittableRandom rng) {
    for (Layer l : leaves) {
      SplittableRandom r = rng.split();
      if (l.parameters().isEmpty()) {
        l.initialize(r);
      }
    }
  }

  /** The buffers of every {@code Buffered} layer (batch-norm running statistics), by qualified name. */
  public Map<String, Tensor> buffers() {
    return net.buffers();
  }

  /**
   * Restores buffers exported by {@link #buffers()}.
   *
   * @throws IllegalArgumentException naming a missing buffer or a shape mismatch
   */
  public void loadBuffers(Map<String, Tensor> buffers) {
    net.loadBuffers(buffers);
  }

  /** One line per layer with its output shape, then the loss and the parameter count. */
  public String describe() {
    StringBuilder sb = new StringBuilder("input " + Arrays.toString(inputShape) + "\n");
    int[] s = inputShape;
    for (Layer l : net.layers()) {
      s = l.outputShape(s);
      sb.append("  ").append(l.describe()).append(" -> ").append(Arrays.toString(s)).append('\n');
    }
    return sb.append("loss ").append(loss.name()).append(", ").append(parameterCount()).append(" parameters")
        .toString();
  }
}
