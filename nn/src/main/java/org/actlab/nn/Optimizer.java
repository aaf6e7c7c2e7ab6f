package org.actlab.nn;

import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. State (momenta, second moments, step counts) is kept per parameter
 * name, created lazily on the first step, exported and restored for checkpoints, and cleared by {@link #reset}.
 */
public interface Optimizer {

  /** One update of every parameter from its current gradient. */
  void step(List<Parameter> params);

  double learningRate();

  /** Sets the learning rate (schedules call this between steps). */
  void setLearningRate(double lr);

  /** Forgets all state, as if newly constructed. */
  void reset();

  /** The state as named tensors (copies), e.g. {@code "0.dense.weight/m"}; empty before the first step. */
  Map<String, Tensor> state();

  /** Restores state exported by {@link #state()} from an optimizer of the same kind and parameters. */
  void loadState(Map<String, Tensor> state);

  /** Name and hyper-parameters, e.g. {@code adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08)}. */
  String describe();
}
