package org.actlab.nn.loss;

import org.actlab.nn.Loss;
import org.actlab.nn.Tensor;

/**
 * Mean squared error: each sample's loss is the mean of {@code (y − t)²} over its elements, and the batch loss
 * is the mean over samples, so the value equals PyTorch's {@code MSELoss(reduction='mean')}. The gradient is
 * {@code 2(y − t)/n} per sample divided by the batch size {@code B}, i.e. {@code 2(y − t)/(B·n)}. Sums are in
 * double. For regression targets; for probabilities prefer a cross-entropy, whose gradient does not vanish
 * when a sigmoid or softmax output saturates.
 */
public final class MeanSquaredError implements Loss {

  private Tensor grad;

  @Override
  public double forward(Tensor output, Tensor target) {
    LossChecks.sameShape(name(), output, target);
    float[] y = output.data();
    float[] t = target.data();
    Tensor g = new Tensor(output.shape());
    double n = y.length;
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double d = (double) y[i] - t[i];
      sum += d * d;
      g.data()[i] = (float) (2 * d / n);
    }
    grad = g;
    return sum / n;
  }

  @Override
  public Tensor backward() {
    return LossChecks.requireForward(name(), grad);
  }

  @Override
  public String name() {
    return "mean_squared_error";
  }
}
