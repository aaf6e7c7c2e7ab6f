package org.actlab.nn.loss;

import java.util.Arrays;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.kernel.RowKernel;
import org.actlab.nn.Loss;
import org.actlab.nn.Tensor;

/**
 * Softmax cross-entropy (negative log-likelihood of log_softmax) for logits {@code [B, C]} and class indices
 * {@code [B]} stored as floats: {@code L = −(1/B) Σ_b log_softmax(z_b)[y_b]}, gradient
 * {@code (softmax(z_b) − onehot(y_b))/B}. The catalog's max-shifted log_softmax is evaluated in double, so any
 * finite logits work, ±1e4 included (a confidently wrong row costs about the logit gap, not ∞ or NaN).
 * PyTorch's {@code CrossEntropyLoss(reduction='mean')} without weights or label smoothing.
 */
public final class SoftmaxCrossEntropy implements Loss {

  private final RowKernel logSoftmax = new RowKernel((RowActivation) Catalog.get("log_softmax"));
  private Tensor grad;

  @Override
  public double forward(Tensor output, Tensor target) {
    int[] classes = check(output, target);
    int b = output.dim(0);
    int c = output.dim(1);
    double[] z = new double[b * c];
    float[] zf = output.data();
    for (int i = 0; i < z.length; i++) {
      z[i] = zf[i];
    }
    double[] ls = new double[b * c];
    logSoftmax.forward(z, 0, b, c, ls, 0, new double[0]);
    Tensor g = new Tensor(b, c);
    double sum = 0;
    for (int r = 0; r < b; r++) {
      sum -= ls[r * c + classes[r]];
      for (int j = 0; j < c; j++) {
        double p = Math.exp(ls[r * c + j]);
        g.data()[r * c + j] = (float) ((j == classes[r] ? p - 1 : p) / b);
      }
    }
    grad = g;
    return sum / b;
  }

  /** The class of each row, after checking shapes and that every target is a whole number in [0, C). */
  private int[] check(Tensor output, Tensor target) {
    if (output.rank() != 2 || output.dim(0) < 1 || output.dim(1) < 1) {
      throw new IllegalArgumentException(name() + " expects logits [B >= 1, C >= 1], got "
          + Arrays.toString(output.shape()));
    }
    int b = output.dim(0);
    int c = output.dim(1);
    if (target.rank() != 1 || target.dim(0) != b) {
      throw new IllegalArgumentException(name() + " expects class indices of shape [" + b + "] for logits "
          + Arrays.toString(output.shape()) + ", got " + Arrays.toString(target.shape()));
    }
    int[] classes = new int[b];
    for (int r = 0; r < b; r++) {
      float v = target.data()[r];
      if (!(v >= 0 && v < c) || v != Math.rint(v)) {
        throw new IllegalArgumentException(name() + ": target " + v + " of sample " + r
            + " is not a class index in [0, " + c + ")");
      }
      classes[r] = (int) v;
    }
    return classes;
  }

  @Override
  public Tensor backward() {
    return LossChecks.requireForward(name(), grad);
  }

  @Override
  public String name() {
    return "softmax_cross_entropy";
  }
}
