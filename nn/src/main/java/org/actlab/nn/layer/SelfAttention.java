package org.actlab.nn.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.kernel.RowKernel;
import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.math.Gemm;

/**
 * Single-head scaled dot-product self-attention over {@code [B, T, d]} (Vaswani et al., Attention Is All You
 * Need, 2017), with the lecture notes' activations on the projections (slide 12): {@code Q = φ_q(X W_q)},
 * {@code K = φ_k(X W_k)}, {@code V = φ_v(X W_v)}, {@code A = softmax(Q Kᵀ/√d_k)} row-wise,
 * {@code O = φ_o(A V W_o)}. Output {@code [B, T, d]}; no biases, no mask.
 *
 * <p>Weights are stored as in the formula: {@code W_q, W_k, W_v: [d, d_k]}, {@code W_o: [d_k, d]}. The notes
 * use tanh on Q and K, relu on V and GELU on the output; the identity everywhere is the standard layer. Bounded
 * φ_q, φ_k cap the logits at {@code d_k/√d_k}, so the softmax cannot saturate, which is the notes' point. The
 * softmax is the catalog's, max-shifted; its backward is the catalog's stable vector-Jacobian product.
 * {@link #attention()} returns the last A for heat maps.
 */
public final class SelfAttention implements Layer {

  private final int dModel;
  private final int dK;
  private final Pointwise actQ;
  private final Pointwise actK;
  private final Pointwise actV;
  private final Pointwise actO;
  private final Initializer init;
  private final RowKernel softmax = new RowKernel((RowActivation) Catalog.get("softmax"));
  private final float scale;
  private final Parameter wQ;
  private final Parameter wK;
  private final Parameter wV;
  private final Parameter wO;
  private AttentionCache last;

  /** The standard layer: identity activations everywhere. */
  public SelfAttention(int dModel, int dK, Initializer initializer) {
    this(dModel, dK, Pointwise.identity(), Pointwise.identity(), Pointwise.identity(), Pointwise.identity(),
        initializer);
  }

  public SelfAttention(int dModel, int dK, Pointwise actQ, Pointwise actK, Pointwise actV, Pointwise actO,
                       Initializer initializer) {
    if (dModel < 1 || dK < 1) {
      throw new IllegalArgumentException("dModel and dK must be >= 1, got " + dModel + ", " + dK);
    }
    this.dModel = dModel;
    this.dK = dK;
    this.actQ = Objects.requireNonNull(actQ, "actQ");
    this.actK = Objects.requireNonNull(actK, "actK");
    this.actV = Objects.requireNonNull(actV, "actV");
    this.actO = Objects.requireNonNull(actO, "actO");
    this.init = Objects.requireNonNull(initializer, "initializer");
    this.scale = (float) (1 / Math.sqrt(dK));
    this.wQ = new Parameter("self_attention.w_q", dModel, dK);
    this.wK = new Parameter("self_attention.w_k", dModel, dK);
    this.wV = new Parameter("self_attention.w_v", dModel, dK);
    this.wO = new Parameter("self_attention.w_o", dK, dModel);
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException("self_attention expects input [B, T, " + dModel + "], got "
          + Arrays.toString(x.shape()));
    }
    outputShape(new int[] {x.dim(1), x.dim(2)});
    AttentionCache c = new AttentionCache(x.dim(0), x.dim(1), dModel, dK, x.data());
    int rows = c.batch * c.steps;
    project(c.x, rows, wQ, actQ, c.pq, c.q);
    project(c.x, rows, wK, actK, c.pk, c.k);
    project(c.x, rows, wV, actV, c.pv, c.v);
    int t = c.steps;
    for (int b = 0; b < c.batch; b++) {
      int qk = b * t * dK;
      Gemm.mm(false, true, t, t, dK, scale, c.q, qk, dK, c.k, qk, dK, 0f, c.s, b * t * t, t);
    }
    softmax.forward(c.s, 0, rows, t, c.a, 0, new double[0]);
    for (int b = 0; b < c.batch; b++) {
      Gemm.mm(false, false, t, dK, t, 1f, c.a, b * t * t, t, c.v, b * t * dK, dK, 0f, c.c, b * t * dK, dK);
    }
    Gemm.mm(false, false, rows, dModel, dK, 1f, c.c, 0, dK, wO.value().data(), 0, dModel, 0f, c.po, 0, dModel);
    Tensor y = new Tensor(c.batch, t, dModel);
    actO.forward(c.po, y.data());
    last = c;
    return y;
  }

  /** {@code p = X W}, {@code out = φ(p)} over {@code rows} rows of X. */
  private void project(float[] x, int rows, Parameter w, Pointwise act, float[] p, float[] out) {
    Gemm.mm(false, false, rows, dK, dModel, 1f, x, 0, dModel, w.value().data(), 0, dK, 0f, p, 0, dK);
    act.forward(p, out);
  }

  @Override
  public Tensor backward(Tensor dy) {
    AttentionCache c = last;
    if (c == null) {
      throw new IllegalStateException("backward called before forward");
    }
    int t = c.steps;
    int rows = c.batch * t;
    int[] want = {c.batch, t, dModel};
    if (!Arrays.equals(dy.shape(), want)) {
      throw new IllegalArgumentException("gradient shape " + Arrays.toString(dy.shape()) + " does not match the "
          + "last output shape " + Arrays.toString(want));
    }
    float[] dpo = new float[rows * dModel];
    actO.backward(c.po, dy.data(), dpo);
    Gemm.mm(true, false, dK, dModel, rows, 1f, c.c, 0, dK, dpo, 0, dModel, 1f, wO.grad().data(), 0, dModel);
    float[] dc = new float[rows * dK];
    Gemm.mm(false, true, rows, dK, dModel, 1f, dpo, 0, dModel, wO.value().data(), 0, dModel, 0f, dc, 0, dK);
    float[] da = new float[rows * t];
    float[] dv = new float[rows * dK];
    for (int b = 0; b < c.batch; b++) {
      int o = b * t * dK;
      Gemm.mm(false, true, t, t, dK, 1f, dc, o, dK, c.v, o, dK, 0f, da, b * t * t, t);
      Gemm.mm(true, false, t, dK, t, 1f, c.a, b * t * t, t, dc, o, dK, 0f, dv, o, dK);
    }
    float[] ds = new float[rows * t];
    softmax.backward(c.s, 0, rows, t, da, 0, ds, 0, new double[0]);
    float[] dq = new float[rows * dK];
    float[] dk = new float[rows * dK];
    for (int b = 0; b < c.batch; b++) {
      int o = b * t * dK;
      Gemm.mm(false, false, t, dK, t, scale, ds, b * t * t, t, c.k, o, dK, 0f, dq, o, dK);
      Gemm.mm(true, false, t, dK, t, scale, ds, b * t * t, t, c.q, o, dK, 0f, dk, o, dK);
    }
    Tensor dx = new Tensor(c.batch, t, dModel);
    unproject(c, rows, wQ, actQ, c.pq, dq, 0f, dx.data());
    unproject(c, rows, wK, actK, c.pk, dk, 1f, dx.data());
    unproject(c, rows, wV, actV, c.pv, dv, 1f, dx.data());
    return dx;
  }

  /** Through {@code out = φ(X W)}: {@code dW += Xᵀ dp}, {@code dx = beta·dx + dp Wᵀ} with {@code dp = φ'·dout}. */
  private void unproject(AttentionCache c, int rows, Parameter w, Pointwise act, float[] p, float[] dout,
                         float beta, float[] dx) {
    float[] dp = new float[p.length];
    act.backward(p, dout, dp);
    Gemm.mm(true, false, dModel, dK, rows, 1f, c.x, 0, dModel, dp, 0, dK, 1f, w.grad().data(), 0, dK);
    Gemm.mm(false, true, rows, dModel, dK, 1f, dp, 0, dK, w.value().data(), 0, dK, beta, dx, 0, dModel);
  }

  /** The attention matrix A of the last forward, {@code [B, T, T]} (a copy; rows sum to 1). */
  public Tensor attention() {
    AttentionCache c = last;
    if (c == null) {
      throw new IllegalStateException("no attention matrix yet: call forward first");
    }
    return Tensor.of(c.a, c.batch, c.steps, c.steps);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(wQ, wK, wV, wO);
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length != 2 || inputShape[1] != dModel || inputShape[0] < 1) {
      throw new IllegalArgumentException("self_attention expects samples of shape [T >= 1, " + dModel + "] (input "
          + "[B, T, " + dModel + "]), got " + Arrays.toString(inputShape));
    }
    return new int[] {inputShape[0], dModel};
  }

  @Override
  public String describe() {
    return "self_attention(d=" + dModel + ", d_k=" + dK + ", q=" + actQ.describe() + ", k=" + actK.describe()
        + ", v=" + actV.describe() + ", o=" + actO.describe() + ")";
  }

  @Override
  public void initialize(SplittableRandom rng) {
    init.fill(wQ.value(), dModel, dK, rng);
    init.fill(wK.value(), dModel, dK, rng);
    init.fill(wV.value(), dModel, dK, rng);
    init.fill(wO.value(), dK, dModel, rng);
  }
}
