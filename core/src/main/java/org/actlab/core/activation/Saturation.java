package org.actlab.core.activation;

/**
 * On which side {@code f'(x) → 0} as {@code |x| → ∞}: the source of vanishing gradients (sigmoid, tanh: both
 * sides) and of dying units (relu: the negative side).
 */
public enum Saturation {
  NONE("none"),
  NEGATIVE("negative"),
  POSITIVE("positive"),
  BOTH("both");

  private final String label;

  Saturation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean negative() {
    return this == NEGATIVE || this == BOTH;
  }

  public boolean positive() {
    return this == POSITIVE || this == BOTH;
  }
}
