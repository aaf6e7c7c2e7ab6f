package org.actlab.nn.layer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.actlab.nn.Tensor;

/**
 * Batch norm's running mean and variance per channel (PyTorch's buffers {@code running_mean},
 * {@code running_var}): exponential averages with momentum 0.1 of the batch mean and the <em>unbiased</em> batch
 * variance, starting at 0 and 1.
 */
final class RunningStats {

  static final double MOMENTUM = 0.1;

  private final Tensor mean;
  private final Tensor var;

  RunningStats(int channels) {
    mean = new Tensor(channels);
    var = new Tensor(channels);
    reset();
  }

  void reset() {
    mean.fill(0f);
    var.fill(1f);
  }

  /**
   * Per-channel mean and biased variance of NCHW-ordered {@code d} ({@code channels = mean.length}, {@code inner}
   * elements per channel step), two passes in double: no {@code E[x²] − E[x]²} cancellation.
   */
  static void batch(float[] d, int inner, double[] mean, double[] var) {
    int channels = mean.length;
    int count = d.length / channels;
    for (int i = 0; i < d.length; i++) {
      mean[(i / inner) % channels] += d[i];
    }
    for (int c = 0; c < channels; c++) {
      mean[c] /= count;
    }
    for (int i = 0; i < d.length; i++) {
      int c = (i / inner) % channels;
      double dev = d[i] - mean[c];
      var[c] += dev * dev;
    }
    for (int c = 0; c < channels; c++) {
      var[c] /= count;
    }
  }

  /** {@code running = (1 − m)·running + m·batch}, with the biased {@code batchVar} made unbiased by N/(N−1). */
  void update(double[] batchMean, double[] batchVar, int count) {
    for (int c = 0; c < batchMean.length; c++) {
      double unbiased = batchVar[c] * count / (count - 1);
      mean.data()[c] = (float) ((1 - MOMENTUM) * mean.data()[c] + MOMENTUM * batchMean[c]);
      var.data()[c] = (float) ((1 - MOMENTUM) * var.data()[c] + MOMENTUM * unbiased);
    }
  }

  double mean(int c) {
    return mean.data()[c];
  }

  double var(int c) {
    return var.data()[c];
  }

  /** Copies under {@code scope.running_mean} and {@code scope.running_var}. */
  Map<String, Tensor> export(String scope) {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put(Params.qualified(scope, "running_mean"), mean.copy());
    m.put(Params.qualified(scope, "running_var"), var.copy());
    return m;
  }

  void load(Map<String, Tensor> saved, String scope) {
    Params.load(saved, Params.qualified(scope, "running_mean"), mean);
    Params.load(saved, Params.qualified(scope, "running_var"), var);
  }
}
