package org.actlab.nn.train;

/**
 * What one epoch did.
 *
 * @param epoch        1-based epoch number
 * @param trainLoss    mean training loss over the epoch's batches (weighted by batch size, in TRAIN mode)
 * @param testLoss     loss on the test set in EVAL mode after the epoch
 * @param testAccuracy fraction of test samples whose largest output is the target class; NaN for regression
 * @param seconds      wall time of the epoch including evaluation
 * @param learningRate learning rate of the epoch's last step
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double testAccuracy, double seconds,
                           double learningRate) {}
