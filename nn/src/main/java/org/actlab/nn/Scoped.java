package org.actlab.nn;

/**
 * A layer whose parameter names a container can qualify. {@link Parameter} names are immutable and must be unique
 * within a model ({@code "0.dense.weight"}), but a layer does not know its place when it is constructed; its
 * container ({@link Sequential}, a residual block) calls {@link #scope} once, at the container's construction and
 * before any training, and the layer re-creates its parameters under the qualified names (values and gradients
 * are copied, so references to the old {@code Parameter} objects must not be kept).
 */
public interface Scoped {

  /** Short lower-case kind used in names and summaries: {@code dense}, {@code conv2d}, {@code batchnorm}. */
  String kind();

  /** Renames every parameter (and buffer) to {@code scope + "." + localName}, e.g. {@code "2.dense.weight"}. */
  void scope(String scope);
}
