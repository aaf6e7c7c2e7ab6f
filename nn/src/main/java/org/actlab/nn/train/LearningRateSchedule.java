package org.actlab.nn.train;

/** The learning rate of each step, set on the optimizer before the step (e.g. step decay, cosine, warm-up). */
@FunctionalInterface
public interface LearningRateSchedule {

  /**
   * @param epoch 0-based epoch of the step
   * @param step  0-based global step (batches since the start of training, across epochs and resumes)
   * @param base  the learning rate the optimizer was configured with
   */
  double learningRate(int epoch, long step, double base);
}
