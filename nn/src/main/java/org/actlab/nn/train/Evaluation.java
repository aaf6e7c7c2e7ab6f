package org.actlab.nn.train;

/**
 * Loss and accuracy of a model on a data set in EVAL mode.
 *
 * @param accuracy fraction classified correctly (argmax of the outputs), NaN for regression
 */
public record Evaluation(double loss, double accuracy, int samples) {}
