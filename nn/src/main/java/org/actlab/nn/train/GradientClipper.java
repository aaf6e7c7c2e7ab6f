package org.actlab.nn.train;

import java.util.List;

import org.actlab.nn.Parameter;

/** Rescales or clips the gradients after backward and before the optimizer step (e.g. by global norm). */
@FunctionalInterface
public interface GradientClipper {

  /** Modifies the parameters' {@code grad} tensors in place. */
  void clip(List<Parameter> params);
}
