package org.actlab.core.activation;

/**
 * Anything the {@link Catalog} lists: an elementwise {@link Activation} or a {@link RowActivation}.
 * Both are stateless and thread-safe; parameters are passed in, never stored.
 */
public sealed interface Entry permits Activation, RowActivation {

  /** Everything the catalog knows about this function; the one source of defaults and metadata. */
  Spec spec();

  /**
   * Checks constraints that involve several parameters at once (e.g. rrelu's {@code lower <= upper}).
   * Single-parameter ranges are declared on each {@link Param} and checked by {@link Spec#resolve}.
   *
   * @throws IllegalArgumentException with a message naming the parameters and what to do
   */
  default void validate(double[] p) {}
}
