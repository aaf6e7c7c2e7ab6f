package org.actlab.nn.optim;

import org.actlab.nn.Optimizer;

/**
 * A learning rate per epoch as a pure function of the base rate and the epoch, so a schedule has no state to
 * save and resuming at epoch e gives the same rate as running through (PyTorch's "closed form").
 */
public interface LrSchedule {

  /** The rate for {@code epoch} (0 for the first epoch) when training started at {@code baseLr}. */
  double lr(double baseLr, int epoch);

  /** Sets the optimizer's rate for {@code epoch}; call before the epoch's first step. */
  default void apply(Optimizer optimizer, double baseLr, int epoch) {
    optimizer.setLearningRate(lr(baseLr, epoch));
  }

  String describe();

  /** The base rate throughout. */
  static LrSchedule constant() {
    return new LrSchedule() {
      @Override
      public double lr(double baseLr, int epoch) {
        return baseLr;
      }

      @Override
      public String describe() {
        return "constant";
      }
    };
  }

  static void checkEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0 (got " + epoch + ")");
    }
  }
}
