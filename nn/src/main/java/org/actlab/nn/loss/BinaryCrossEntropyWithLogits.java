package org.actlab.nn.loss;

import org.actlab.core.math.Stable;
import org.actlab.nn.Loss;
import org.actlab.nn.Tensor;

/**
 * Binary cross-entropy on logits {@code z} with targets {@code y ∈ [0, 1]} of the output's shape, in the stable
 * form {@code max(z, 0) − z·y + log1p(e^{−|z|})} (never {@code log σ(z)}, which is −∞ once σ rounds to 0).
 * Gradient {@code σ(z) − y}. Averaged like {@link MeanSquaredError} (mean over each sample's elements, then over
 * the batch: PyTorch's {@code BCEWithLogitsLoss(reduction='mean')}); the gradient is divided accordingly. Finite
 * for every finite logit, including ±1e4 (loss |z| for a confidently wrong one, gradient ±1).
 */
public final class BinaryCrossEntropyWithLogits implements Loss {

  private Tensor grad;

  @Override
  public double forward(Tensor output, Tensor target) {
    LossChecks.sameShape(name(), output, target);
    float[] z = output.data();
    float[] y = target.data();
    checkTargets(y);
    Tensor g = new Tensor(output.shape());
    double n = z.length;
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      double zi = z[i];
      sum += Math.max(zi, 0) - zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
      g.data()[i] = (float) ((Stable.sigmoid(zi) - y[i]) / n);
    }
    grad = g;
    return sum / n;
  }

  private void checkTargets(float[] y) {
    for (int i = 0; i < y.length; i++) {
      if (!(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException(name() + ": targets must be probabilities in [0, 1], got " + y[i]
            + " at index " + i);
      }
    }
  }

  @Override
  public Tensor backward() {
    return LossChecks.requireForward(name(), grad);
  }

  @Override
  public String name() {
    return "binary_cross_entropy_with_logits";
  }
}
