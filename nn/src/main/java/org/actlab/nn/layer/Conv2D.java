package org.actlab.nn.layer;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Scoped;
import org.actlab.nn.Tensor;
import org.actlab.nn.math.Gemm;
import org.actlab.nn.math.Im2col;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code Conv2d}) on {@code [B, C, H, W]} with a square kernel,
 * stride and zero padding; weight {@code [out, in, k, k]} (PyTorch's layout) and bias {@code [out]}.
 *
 * <p>Per sample, im2col unfolds the input into {@code cols [in·k·k, Ho·Wo]} so the convolution is one
 * {@link Gemm}: {@code y = W·cols + b}, with {@code W} viewed as {@code [out, in·k·k]}. Backward:
 * {@code dW += dy·colsᵀ}, {@code db += Σ dy}, {@code dcols = Wᵀ·dy}, folded back by col2im (overlapping windows
 * add up). The columns are rebuilt in backward from the saved input instead of being kept: the memory of one
 * sample rather than of the batch. Output size {@code ⌊(H + 2p − k)/s⌋ + 1}.
 */
public final class Conv2D implements Layer, Scoped {

  private final int in;
  private final int out;
  private final int k;
  private final int stride;
  private final int pad;
  private final Initializer init;
  private Parameter weight;
  private Parameter bias;
  private Tensor x;

  public Conv2D(int inChannels, int outChannels, int kernel, int stride, int padding, Initializer init) {
    if (inChannels < 1 || outChannels < 1) {
      throw new IllegalArgumentException("conv2d needs at least one input and output channel, got "
          + inChannels + " and " + outChannels);
    }
    Params.requireWindow("conv2d", kernel, stride, padding);
    this.in = inChannels;
    this.out = outChannels;
    this.k = kernel;
    this.stride = stride;
    this.pad = padding;
    this.init = Objects.requireNonNull(init, "initializer");
    this.weight = new Parameter("conv2d.weight", out, in, k, k);
    this.bias = new Parameter("conv2d.bias", out);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int[] o = outputShape(Params.sample(input));
    x = input.copy();
    int b = x.dim(0);
    int kk = in * k * k;
    int l = o[1] * o[2];
    float[] cols = new float[kk * l];
    Tensor y = new Tensor(b, out, o[1], o[2]);
    float[] bv = bias.value().data();
    for (int s = 0; s < b; s++) {
      im2col(s, cols);
      int yOff = s * out * l;
      Gemm.mm(false, false, out, l, kk, 1f, weight.value().data(), 0, kk, cols, 0, l, 0f, y.data(), yOff, l);
      for (int c = 0; c < out; c++) {
        for (int i = 0; i < l; i++) {
          y.data()[yOff + c * l + i] += bv[c];
        }
      }
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (x == null) {
      throw new IllegalStateException("backward before forward");
    }
    int[] o = outputShape(Params.sample(x));
    int b = x.dim(0);
    Params.requireGradient(describe(), dy, Params.batched(b, o));
    int kk = in * k * k;
    int l = o[1] * o[2];
    float[] cols = new float[kk * l];
    float[] dcols = new float[kk * l];
    float[] db = bias.grad().data();
    Tensor dx = new Tensor(x.shape());
    for (int s = 0; s < b; s++) {
      int off = s * out * l;
      im2col(s, cols);
      Gemm.mm(false, true, out, kk, l, 1f, dy.data(), off, l, cols, 0, l, 1f, weight.grad().data(), 0, kk);
      for (int c = 0; c < out; c++) {
        double sum = 0;
        for (int i = 0; i < l; i++) {
          sum += dy.data()[off + c * l + i];
        }
        db[c] += (float) sum;
      }
      Gemm.mm(true, false, kk, l, out, 1f, weight.value().data(), 0, kk, dy.data(), off, l, 0f, dcols, 0, l);
      col2im(dcols, s, dx.data());
    }
    return dx;
  }

  /** The unfolding of one sample of the current input (same row/column layout as {@link Im2col}). */
  private Im2col.Geometry geometry() {
    return Im2col.Geometry.square(in, x.dim(2), x.dim(3), k, stride, pad);
  }

  private void im2col(int s, float[] cols) {
    Im2col.im2col(geometry(), x.data(), s * in * x.dim(2) * x.dim(3), cols, 0);
  }

  /** The adjoint of {@link #im2col}: adds each column entry back to the input position it came from. */
  private void col2im(float[] dcols, int s, float[] dx) {
    Im2col.col2im(geometry(), dcols, 0, dx, s * in * x.dim(2) * x.dim(3));
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(weight, bias);
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3 || s[0] != in) {
      throw new IllegalArgumentException(describe() + " expects samples [" + in + ", H, W] (NCHW), got "
          + Params.shape(s));
    }
    return new int[] {out, Params.windows("conv2d", "height", s[1], k, stride, pad),
        Params.windows("conv2d", "width", s[2], k, stride, pad)};
  }

  @Override
  public String describe() {
    return "conv2d(" + in + "→" + out + ", k=" + k + ", stride=" + stride + ", padding=" + pad + ")";
  }

  /** Weight from the initializer with PyTorch's fans ({@code in·k·k}, {@code out·k·k}); bias zero. */
  @Override
  public void initialize(SplittableRandom rng) {
    init.fill(weight.value(), in * k * k, out * k * k, rng);
    bias.value().fill(0f);
  }

  @Override
  public String kind() {
    return "conv2d";
  }

  @Override
  public void scope(String scope) {
    weight = Params.renamed(weight, Params.qualified(scope, "weight"));
    bias = Params.renamed(bias, Params.qualified(scope, "bias"));
  }
}
