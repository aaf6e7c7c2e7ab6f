package org.actlab.core.activation;

/**
 * Yes/no properties a function declares at its default parameters. Each is checked numerically by a generic test
 * in both directions: a declared property must hold, and an undeclared one must fail somewhere.
 */
public enum Property {
  /** Non-decreasing over the whole real line. */
  MONOTONIC("monotonic"),
  /** {@code f(0) = 0}. */
  ZERO_AT_ZERO("zero at zero"),
  /** {@code f(-x) = -f(x)}. */
  ODD("odd"),
  /** {@code |E f(Z)| < 0.05} for {@code Z ~ N(0,1)}: the next layer sees roughly zero-mean input. */
  ZERO_CENTRED("zero-centred"),
  /** Keeps mean 0 and variance 1 of N(0,1) input (within 0.05): SELU's fixed point (Klambauer et al. 2017). */
  SELF_NORMALISING("self-normalising"),
  /** Its gradient is zero almost everywhere, so gradient descent cannot train through it (heaviside). */
  NOT_GRADIENT_TRAINABLE("not trainable by gradient descent");

  private final String label;

  Property(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
