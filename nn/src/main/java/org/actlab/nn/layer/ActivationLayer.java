package org.actlab.nn.layer;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Scoped;
import org.actlab.nn.Tensor;

/**
 * Any catalog function as a layer. Elementwise functions run through the best {@code Kernel}; their learnable
 * parameters (prelu's weight, swish's beta, snake's alpha) are {@link Parameter}s, either one shared value each
 * or one value per channel of axis 1 (PyTorch's {@code PReLU(num_parameters=C)}, NCHW: axis 1 is the channel,
 * the axes after it are spatial). Row functions (softmax, the GLU family) act on the last axis; GLUs halve it.
 *
 * <p>RReLU draws a fresh slope per element in TRAIN from the layer's generator (given at construction or by
 * {@link #initialize}), uses the same slopes in the following backward, and the mean slope in EVAL.
 */
public final class ActivationLayer implements Layer, Scoped {

  private final ActivationOp op;
  private final int channels;
  private ParamBlock[] blocks;
  private Tensor input;

  private ActivationLayer(Entry entry, double[] params, int channels, SplittableRandom rng) {
    this.channels = channels;
    this.op = new ActivationOp(entry, params, channels, rng, entry.spec().id());
  }

  /** {@code entry} with one shared value per parameter; {@code rng} feeds rrelu's slopes (may be null). */
  public static ActivationLayer of(Entry entry, double[] params, SplittableRandom rng) {
    return new ActivationLayer(entry, params, 0, rng);
  }

  /** A catalog function by name with default parameters overridden by {@code params}. */
  public static ActivationLayer of(String name, Map<String, Double> params, SplittableRandom rng) {
    Entry e = Catalog.get(name);
    return new ActivationLayer(e, Catalog.params(e, params), 0, rng);
  }

  /**
   * One value of each learnable parameter per channel of axis 1, all starting at {@code params}' values.
   *
   * @throws IllegalArgumentException if {@code channels < 1} or the entry is a row function
   */
  public static ActivationLayer perChannel(Entry entry, double[] params, int channels, SplittableRandom rng) {
    if (channels < 1) {
      throw new IllegalArgumentException("per-channel activation needs channels >= 1, got " + channels);
    }
    return new ActivationLayer(entry, params, channels, rng);
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    int[] out = outputShape(Params.sample(x));
    input = x.copy();
    Tensor y = new Tensor(Params.batched(x.dim(0), out));
    int n = op.isRow() ? x.dim(x.rank() - 1) : x.size();
    int segments = n == 0 ? 0 : x.size() / n;
    blocks = op.blocks(Math.max(segments, 1), n, inner(x), mode);
    int m = op.outputLength(n);
    for (int s = 0; s < segments; s++) {
      op.forward(blocks, s, x.data(), s * n, y.data(), s * m, n);
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (input == null) {
      throw new IllegalStateException("backward before forward");
    }
    int[] expect = Params.batched(input.dim(0), outputShape(Params.sample(input)));
    Params.requireGradient(describe(), dy, expect);
    Tensor dx = new Tensor(input.shape());
    int n = op.isRow() ? input.dim(input.rank() - 1) : input.size();
    int segments = n == 0 ? 0 : input.size() / n;
    int m = op.outputLength(n);
    double[] gp = op.gradBuffer();
    for (int s = 0; s < segments; s++) {
      op.backward(blocks, s, input.data(), s * n, dy.data(), s * m, dx.data(), s * n, n, gp);
    }
    op.addGradients(gp);
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return List.copyOf(op.parameters());
  }

  @Override
  public int[] outputShape(int[] in) {
    if (channels > 0 && (in.length < 1 || in[0] != channels)) {
      throw new IllegalArgumentException(describe() + " expects " + channels + " channels on axis 1 "
          + "([B, C, ...]), got sample shape " + Params.shape(in));
    }
    if (!op.isRow()) {
      return in.clone();
    }
    if (in.length == 0) {
      throw new IllegalArgumentException(describe() + " acts on the last axis; a sample needs at least one");
    }
    int[] out = in.clone();
    out[out.length - 1] = op.outputLength(in[in.length - 1]);
    return out;
  }

  @Override
  public String describe() {
    return op.describe();
  }

  @Override
  public void initialize(SplittableRandom rng) {
    op.reset(rng);
  }

  @Override
  public String kind() {
    return op.id();
  }

  @Override
  public void scope(String scope) {
    op.scope(scope);
  }

  private int inner(Tensor x) {
    int inner = 1;
    for (int a = 2; a < x.rank(); a++) {
      inner *= x.dim(a);
    }
    return Math.max(inner, 1);
  }
}
