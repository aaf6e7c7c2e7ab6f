package org.actlab.core.activation;

/** Smoothness class of a function at its default parameters, verified numerically at the declared kinks. */
public enum Smoothness {
  /** Jumps somewhere (heaviside, hardshrink, threshold). */
  DISCONTINUOUS("discontinuous"),
  /** Continuous, with a derivative jump at some kink (relu). */
  C0("C0"),
  /** Continuous derivative, second derivative jumps (elu with alpha=1, celu). */
  C1("C1"),
  /** Continuous second derivative, higher ones may jump (squared_relu is C1; this is for e.g. piecewise cubics). */
  C2("C2"),
  /** Infinitely differentiable (sigmoid, tanh, gelu, silu). */
  C_INF("C∞");

  private final String label;

  Smoothness(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(Smoothness other) {
    return compareTo(other) >= 0;
  }
}
