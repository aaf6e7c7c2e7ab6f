package org.actlab.nn.layer;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Buffered;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Scoped;
import org.actlab.nn.Tensor;

/**
 * Batch normalisation over axis 1 (Ioffe &amp; Szegedy 2015), as PyTorch's {@code BatchNorm1d} on {@code [B, F]}
 * and {@code BatchNorm2d} on {@code [B, C, H, W]}: statistics per channel over the batch and spatial axes,
 * {@code y = γ·(x − μ)/√(σ² + ε) + β} with learnable {@code weight} γ (init 1) and {@code bias} β (init 0).
 *
 * <p>TRAIN normalises with the batch mean and the biased variance and updates the running estimates with
 * momentum 0.1 using the <em>unbiased</em> variance ({@code running = 0.9·running + 0.1·batch}, PyTorch's
 * convention); EVAL normalises with the running estimates (init mean 0, variance 1). ε = 1e-5. Statistics are
 * accumulated in double.
 *
 * <p>Checkpoints: {@link #buffers()} returns {@code running_mean} and {@code running_var} (PyTorch's names,
 * scoped like the parameters, e.g. {@code "1.batchnorm.running_var"}); {@link #loadBuffers} restores them.
 */
public final class BatchNorm implements Layer, Scoped, Buffered {

  /** PyTorch's defaults. */
  public static final double MOMENTUM = RunningStats.MOMENTUM;
  public static final double EPS = 1e-5;

  private final int channels;
  private Parameter gamma;
  private Parameter beta;
  private final RunningStats running;
  private String scope = "batchnorm";
  private Tensor xhat;
  private double[] invStd;
  private boolean batchStats;

  public BatchNorm(int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("batchnorm needs at least one channel, got " + channels);
    }
    this.channels = channels;
    this.gamma = new Parameter("batchnorm.weight", channels);
    this.beta = new Parameter("batchnorm.bias", channels);
    this.running = new RunningStats(channels);
    reset();
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    outputShape(Params.sample(x));
    int b = x.dim(0);
    int inner = x.stride0() / channels;
    int count = b * inner;
    batchStats = mode == Mode.TRAIN;
    if (batchStats && count < 2) {
      throw new IllegalArgumentException("batchnorm in TRAIN needs more than 1 value per channel, got input "
          + Params.shape(x.shape()) + " (PyTorch raises the same; use a larger batch or EVAL)");
    }
    double[] mean = new double[channels];
    double[] var = new double[channels];
    if (batchStats) {
      RunningStats.batch(x.data(), inner, mean, var);
      running.update(mean, var, count);
    } else {
      for (int c = 0; c < channels; c++) {
        mean[c] = running.mean(c);
        var[c] = running.var(c);
      }
    }
    return normalise(x, inner, mean, var);
  }

  /** {@code x̂ = (x − μ)·invStd} kept for backward, {@code y = γ·x̂ + β}. */
  private Tensor normalise(Tensor x, int inner, double[] mean, double[] var) {
    invStd = new double[channels];
    for (int c = 0; c < channels; c++) {
      invStd[c] = 1 / Math.sqrt(var[c] + EPS);
    }
    xhat = new Tensor(x.shape());
    Tensor y = new Tensor(x.shape());
    float[] g = gamma.value().data();
    float[] bt = beta.value().data();
    for (int i = 0; i < x.size(); i++) {
      int c = (i / inner) % channels;
      float h = (float) ((x.data()[i] - mean[c]) * invStd[c]);
      xhat.data()[i] = h;
      y.data()[i] = g[c] * h + bt[c];
    }
    return y;
  }

  /**
   * TRAIN: {@code dx = γ·invStd/N · (N·dy − Σdy − x̂·Σ(dy·x̂))} (the batch statistics depend on x);
   * EVAL: {@code dx = γ·invStd·dy}. Both: {@code dγ += Σ dy·x̂}, {@code dβ += Σ dy}.
   */
  @Override
  public Tensor backward(Tensor dy) {
    if (xhat == null) {
      throw new IllegalStateException("backward before forward");
    }
    Params.requireGradient("batchnorm", dy, xhat.shape());
    int inner = xhat.stride0() / channels;
    int count = xhat.dim(0) * inner;
    double[] sumDy = new double[channels];
    double[] sumDyXhat = new double[channels];
    float[] g = dy.data();
    float[] h = xhat.data();
    for (int i = 0; i < g.length; i++) {
      int c = (i / inner) % channels;
      sumDy[c] += g[i];
      sumDyXhat[c] += (double) g[i] * h[i];
    }
    float[] gv = gamma.value().data();
    Tensor dx = new Tensor(xhat.shape());
    for (int i = 0; i < g.length; i++) {
      int c = (i / inner) % channels;
      double scale = gv[c] * invStd[c];
      dx.data()[i] = (float) (batchStats
          ? scale * (g[i] - sumDy[c] / count - h[i] * sumDyXhat[c] / count)
          : scale * g[i]);
    }
    for (int c = 0; c < channels; c++) {
      gamma.grad().data()[c] += (float) sumDyXhat[c];
      beta.grad().data()[c] += (float) sumDy[c];
    }
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(gamma, beta);
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length < 1 || s[0] != channels) {
      throw new IllegalArgumentException(describe() + " expects samples [" + channels + "] or [" + channels
          + ", H, W], got " + Params.shape(s));
    }
    return s.clone();
  }

  @Override
  public String describe() {
    return "batchnorm(" + channels + ", momentum=" + MOMENTUM + ", eps=" + EPS + ")";
  }

  /** γ = 1, β = 0, running mean 0 and variance 1 (PyTorch's {@code reset_parameters}); no randomness. */
  @Override
  public void initialize(SplittableRandom rng) {
    reset();
  }

  private void reset() {
    gamma.value().fill(1f);
    beta.value().fill(0f);
    running.reset();
  }

  @Override
  public String kind() {
    return "batchnorm";
  }

  @Override
  public void scope(String scope) {
    this.scope = scope;
    gamma = Params.renamed(gamma, Params.qualified(scope, "weight"));
    beta = Params.renamed(beta, Params.qualified(scope, "bias"));
  }

  /** {@code running_mean} and {@code running_var} (copies), scoped like the parameters. */
  @Override
  public Map<String, Tensor> buffers() {
    return running.export(scope);
  }

  @Override
  public void loadBuffers(Map<String, Tensor> saved) {
    running.load(saved, scope);
  }
}
