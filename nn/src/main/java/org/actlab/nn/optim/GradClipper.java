package org.actlab.nn.optim;

import java.util.List;
import org.actlab.nn.Parameter;

/** Rescales or clamps gradients in place between backward and the optimizer step. */
public interface GradClipper {

  /**
   * Clips the gradients of {@code params} in place.
   *
   * @return the statistic clipping looked at before clipping (the total norm, or the largest |g|), for logs
   */
  double clip(List<Parameter> params);

  String describe();
}
