package org.actlab.nn.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.math.Gemm;

/**
 * Elman's simple recurrent layer over {@code [B, T, F]} sequences: {@code a_t = x_t W_ihᵀ + h_{t−1} W_hhᵀ + b},
 * {@code h_t = φ(a_t, h_{t−1}, t)}, with {@code h_{−1} = 0} and {@code t} counted from 0. The output is the last
 * state {@code [B, H]} or every state {@code [B, T, H]} ({@code returnSequences}). Elman, Finding Structure in
 * Time (1990).
 *
 * <p>Weights use PyTorch's layout and names ({@code weight_ih [H, F]}, {@code weight_hh [H, H]}) but a single
 * bias (PyTorch's {@code b_ih + b_hh} is the same function with a redundant parameter). The backward is full
 * backpropagation through time, which is what exposes the notes' point: the product of step Jacobians makes
 * gradients vanish (saturating φ, small W_hh) or explode (large W_hh) with T.
 */
public final class ElmanRnn implements Layer {

  private final int inputSize;
  private final int hiddenSize;
  private final RecurrentActivation act;
  private final boolean returnSequences;
  private final Initializer init;
  private final Parameter wIh;
  private final Parameter wHh;
  private final Parameter bias;
  private Steps last;

  /** What backward needs from the last forward: a copy of x, the pre-activations and states per step. */
  private record Steps(int batch, int steps, float[] x, float[][] pre, float[][] h) {}

  public ElmanRnn(int inputSize, int hiddenSize, RecurrentActivation activation, boolean returnSequences,
                  Initializer initializer) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("inputSize and hiddenSize must be >= 1, got " + inputSize + ", "
          + hiddenSize);
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.act = Objects.requireNonNull(activation, "activation");
    this.returnSequences = returnSequences;
    this.init = Objects.requireNonNull(initializer, "initializer");
    this.wIh = new Parameter("elman_rnn.weight_ih", hiddenSize, inputSize);
    this.wHh = new Parameter("elman_rnn.weight_hh", hiddenSize, hiddenSize);
    this.bias = new Parameter("elman_rnn.bias", hiddenSize);
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    outputShape(sampleShape(x));
    int b = x.dim(0);
    int steps = x.dim(1);
    int f = inputSize;
    int hs = hiddenSize;
    float[] xs = x.data().clone();
    float[][] pre = new float[steps][b * hs];
    float[][] h = new float[steps][b * hs];
    float[] zero = new float[b * hs];
    for (int t = 0; t < steps; t++) {
      float[] a = pre[t];
      for (int r = 0; r < b; r++) {
        System.arraycopy(bias.value().data(), 0, a, r * hs, hs);
      }
      Gemm.mm(false, true, b, hs, f, 1f, xs, t * f, steps * f, wIh.value().data(), 0, f, 1f, a, 0, hs);
      if (t > 0) {
        Gemm.mm(false, true, b, hs, hs, 1f, h[t - 1], 0, hs, wHh.value().data(), 0, hs, 1f, a, 0, hs);
      }
      act.forward(a, t > 0 ? h[t - 1] : zero, t, h[t]);
    }
    last = new Steps(b, steps, xs, pre, h);
    return output(b, steps, h);
  }

  private Tensor output(int b, int steps, float[][] h) {
    int hs = hiddenSize;
    if (!returnSequences) {
      return Tensor.of(h[steps - 1], b, hs);
    }
    Tensor y = new Tensor(b, steps, hs);
    for (int t = 0; t < steps; t++) {
      for (int r = 0; r < b; r++) {
        System.arraycopy(h[t], r * hs, y.data(), (r * steps + t) * hs, hs);
      }
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    Steps s = last;
    if (s == null) {
      throw new IllegalStateException("backward called before forward");
    }
    int b = s.batch();
    int steps = s.steps();
    int f = inputSize;
    int hs = hiddenSize;
    int[] want = returnSequences ? new int[] {b, steps, hs} : new int[] {b, hs};
    if (!Arrays.equals(dy.shape(), want)) {
      throw new IllegalArgumentException("gradient shape " + Arrays.toString(dy.shape()) + " does not match the "
          + "last output shape " + Arrays.toString(want));
    }
    Tensor dx = new Tensor(b, steps, f);
    float[] zero = new float[b * hs];
    float[] dh = new float[b * hs];
    float[] da = new float[b * hs];
    float[] dhPrev = new float[b * hs];
    for (int t = steps - 1; t >= 0; t--) {
      addOutputGradient(dy.data(), t, steps, dh);
      float[] hPrev = t > 0 ? s.h()[t - 1] : zero;
      Arrays.fill(dhPrev, 0f);
      act.backward(s.pre()[t], hPrev, s.h()[t], t, dh, da, dhPrev);
      accumulate(s, t, da, hPrev);
      Gemm.mm(false, false, b, f, hs, 1f, da, 0, hs, wIh.value().data(), 0, f, 0f, dx.data(), t * f, steps * f);
      Gemm.mm(false, false, b, hs, hs, 1f, da, 0, hs, wHh.value().data(), 0, hs, 1f, dhPrev, 0, hs);
      float[] swap = dh;
      dh = dhPrev;
      dhPrev = swap;
    }
    return dx;
  }

  /** Adds the step's share of the upstream gradient into {@code dh}: every step, or only the last. */
  private void addOutputGradient(float[] dy, int t, int steps, float[] dh) {
    int hs = hiddenSize;
    int b = dh.length / hs;
    if (returnSequences) {
      for (int r = 0; r < b; r++) {
        int off = (r * steps + t) * hs;
        for (int j = 0; j < hs; j++) {
          dh[r * hs + j] += dy[off + j];
        }
      }
    } else if (t == steps - 1) {
      for (int i = 0; i < dh.length; i++) {
        dh[i] += dy[i];
      }
    }
  }

  /** Parameter gradients of step {@code t}: {@code dW_ih += daᵀx_t}, {@code dW_hh += daᵀh_{t−1}}, {@code db += Σda}. */
  private void accumulate(Steps s, int t, float[] da, float[] hPrev) {
    int b = s.batch();
    int f = inputSize;
    int hs = hiddenSize;
    Gemm.mm(true, false, hs, f, b, 1f, da, 0, hs, s.x(), t * f, s.steps() * f, 1f, wIh.grad().data(), 0, f);
    if (t > 0) {
      Gemm.mm(true, false, hs, hs, b, 1f, da, 0, hs, hPrev, 0, hs, 1f, wHh.grad().data(), 0, hs);
    }
    float[] db = bias.grad().data();
    for (int r = 0; r < b; r++) {
      for (int j = 0; j < hs; j++) {
        db[j] += da[r * hs + j];
      }
    }
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(wIh, wHh, bias);
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length != 2 || inputShape[1] != inputSize || inputShape[0] < 1) {
      throw new IllegalArgumentException("elman_rnn expects samples of shape [T >= 1, " + inputSize + "] (input "
          + "[B, T, " + inputSize + "]), got " + Arrays.toString(inputShape));
    }
    return returnSequences ? new int[] {inputShape[0], hiddenSize} : new int[] {hiddenSize};
  }

  @Override
  public String describe() {
    return "elman_rnn(" + inputSize + "→" + hiddenSize + ", " + act.describe()
        + (returnSequences ? ", sequences" : ", last") + ")";
  }

  @Override
  public void initialize(SplittableRandom rng) {
    init.fill(wIh.value(), inputSize, hiddenSize, rng);
    init.fill(wHh.value(), hiddenSize, hiddenSize, rng);
    bias.value().fill(0f);
  }

  private static int[] sampleShape(Tensor x) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException("elman_rnn expects input [B, T, F], got " + Arrays.toString(x.shape()));
    }
    return new int[] {x.dim(1), x.dim(2)};
  }
}
