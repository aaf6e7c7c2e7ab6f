package org.actlab.app;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.RowActivation;

/** Computes a catalog entry over rows, forward and vector-Jacobian product, through the core kernels. */
public sealed interface Runner permits ElementwiseRunner, RowRunner {

  /**
   * The runner for {@code e} with resolved parameters {@code p}.
   *
   * @throws CliException if the requested kernel is not available
   */
  static Runner of(Entry e, double[] p, KernelChoice kernel) {
    return switch (e) {
      case Activation a -> new ElementwiseRunner(a, p, kernel);
      case RowActivation r -> new RowRunner(r, p, kernel);
    };
  }

  /**
   * Output length of every input row.
   *
   * @throws CliException naming the line if a row's length is not acceptable (an odd row for a GLU)
   */
  int[] outputLengths(Rows x);

  /** {@code y = f(x)} row by row, in precision {@code dtype}. */
  Rows forward(Rows x, Dtype dtype);

  /** {@code dx = Jᵀ dy} row by row; {@code dy} has the shape of the forward output. */
  Rows backward(Rows x, Rows dy, Dtype dtype);
}
