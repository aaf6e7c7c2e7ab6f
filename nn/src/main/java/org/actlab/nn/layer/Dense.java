package org.actlab.nn.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Scoped;
import org.actlab.nn.Tensor;
import org.actlab.nn.math.Gemm;

/**
 * Fully connected layer {@code y = act(x·W + b)} on {@code [B, in]}, with {@code W} of shape {@code [in, out]}
 * (row-major, so {@code x·W} is one {@link Gemm} call without a transpose) and bias {@code [out]}.
 *
 * <p>The bias add and the activation run fused, one pass per row over the pre-activation {@code z}, which is
 * kept for backward. The activation is any catalog entry: elementwise (learnable parameters become this
 * layer's parameters, shared across features, named like {@code dense.prelu.weight}) or a row function over
 * the features (GLUs give {@code out/2}).
 * Backward: {@code dz = act'(z)·dy}, {@code dW += xᵀ·dz}, {@code db += Σ_rows dz}, {@code dx = dz·Wᵀ}.
 *
 * <p>{@link #initialize} fills W with the initializer (fan-in {@code in}, fan-out {@code out}) and zeroes the
 * bias (PyTorch draws it from U(±1/√in); zero is the usual from-scratch choice and keeps runs comparable
 * across initializers); until then W is zero.
 */
public final class Dense implements Layer, Scoped {

  private final int in;
  private final int out;
  private final ActivationOp act;
  private final Initializer init;
  private Parameter weight;
  private Parameter bias;
  private Tensor x;
  private float[] z;
  private ParamBlock[] blocks;

  /**
   * @param activation a catalog entry, or null for a linear layer
   * @param params     its parameters in spec order (ignored when {@code activation} is null)
   */
  public Dense(int in, int out, Entry activation, double[] params, Initializer init) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("dense needs in >= 1 and out >= 1, got in=" + in + ", out=" + out);
    }
    this.in = in;
    this.out = out;
    this.init = Objects.requireNonNull(init, "initializer");
    this.act = activation == null ? null : new ActivationOp(activation, params, 0, null,
        "dense." + activation.spec().id());
    if (act != null) {
      act.outputLength(out); // a GLU with odd out fails here, at construction
    }
    this.weight = new Parameter("dense.weight", in, out);
    this.bias = new Parameter("dense.bias", out);
  }

  /** A catalog function by name (or null: linear) with defaults overridden by {@code params}. */
  public Dense(int in, int out, String activation, Map<String, Double> params, Initializer init) {
    this(in, out, activation == null ? null : Catalog.get(activation),
        activation == null ? new double[0] : Catalog.params(Catalog.get(activation), params), init);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    if (input.rank() != 2 || input.dim(1) != in) {
      throw new IllegalArgumentException(describe() + " expects [B, " + in + "], got "
          + Params.shape(input.shape()));
    }
    int b = input.dim(0);
    x = input.copy();
    z = new float[b * out];
    Gemm.mm(false, false, b, out, in, 1f, x.data(), 0, in, weight.value().data(), 0, out, 0f, z, 0, out);
    Tensor y = new Tensor(b, act == null ? out : act.outputLength(out));
    blocks = act == null ? null : act.blocks(Math.max(b, 1), out, 1, mode);
    biasActivate(b, y.data());
    return y;
  }

  /**
   * {@code z += b} and {@code y = act(z)}, one row at a time so that the row is still in cache for the kernel.
   * When core's fused bias+activation kernel lands this loop becomes that one call.
   */
  private void biasActivate(int rows, float[] y) {
    float[] bv = bias.value().data();
    int m = act == null ? out : act.outputLength(out);
    for (int r = 0; r < rows; r++) {
      int off = r * out;
      for (int j = 0; j < out; j++) {
        z[off + j] += bv[j];
      }
      if (act == null) {
        System.arraycopy(z, off, y, r * m, out);
      } else {
        act.forward(blocks, r, z, off, y, r * m, out);
      }
    }
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (x == null) {
      throw new IllegalStateException("backward before forward");
    }
    int b = x.dim(0);
    int m = act == null ? out : act.outputLength(out);
    Params.requireGradient(describe(), dy, new int[] {b, m});
    float[] dz = act == null ? dy.data() : new float[b * out];
    if (act != null) {
      double[] gp = act.gradBuffer();
      for (int r = 0; r < b; r++) {
        act.backward(blocks, r, z, r * out, dy.data(), r * m, dz, r * out, out, gp);
      }
      act.addGradients(gp);
    }
    Gemm.mm(true, false, in, out, b, 1f, x.data(), 0, in, dz, 0, out, 1f, weight.grad().data(), 0, out);
    float[] db = bias.grad().data();
    for (int r = 0; r < b; r++) {
      for (int j = 0; j < out; j++) {
        db[j] += dz[r * out + j];
      }
    }
    Tensor dx = new Tensor(b, in);
    Gemm.mm(false, true, b, in, out, 1f, dz, 0, out, weight.value().data(), 0, out, 0f, dx.data(), 0, in);
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> ps = new ArrayList<>(List.of(weight, bias));
    if (act != null) {
      ps.addAll(act.parameters());
    }
    return List.copyOf(ps);
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length != 1 || inputShape[0] != in) {
      throw new IllegalArgumentException(describe() + " expects samples of shape [" + in + "], got "
          + Params.shape(inputShape) + (inputShape.length > 1 ? " (put a Flatten before it)" : ""));
    }
    return new int[] {act == null ? out : act.outputLength(out)};
  }

  @Override
  public String describe() {
    return "dense(" + in + "→" + out + (act == null ? "" : ", " + act.describe()) + ")";
  }

  @Override
  public void initialize(SplittableRandom rng) {
    init.fill(weight.value(), in, out, rng);
    bias.value().fill(0f);
    if (act != null) {
      act.reset(rng);
    }
  }

  @Override
  public String kind() {
    return "dense";
  }

  @Override
  public void scope(String scope) {
    weight = Params.renamed(weight, Params.qualified(scope, "weight"));
    bias = Params.renamed(bias, Params.qualified(scope, "bias"));
    if (act != null) {
      act.scope(Params.qualified(scope, act.id()));
    }
  }
}
