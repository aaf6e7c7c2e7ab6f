package org.actlab.core.activation;

/**
 * An elementwise activation {@code y = f(x; p)}.
 *
 * <p>The double-precision methods are the reference: every kernel (scalar, SIMD, float32) is measured against
 * them. They must follow NUMERICS.md: stable forms, NaN in gives NaN out, ±∞ gives the mathematical limit, and
 * at each declared {@link Kink} {@link #dfdx} returns exactly the declared value.
 *
 * <p>{@code p} holds the parameters in the order of {@link Spec#params()}, already validated; implementations
 * never modify it.
 */
public non-sealed interface Activation extends Entry {

  /** The reference value {@code f(x; p)}. */
  double f(double x, double[] p);

  /**
   * The derivative {@code df/dx} at {@code x}. {@code y} is {@code f(x, p)}, passed in so that functions such as
   * sigmoid and tanh can reuse it; implementations may ignore it.
   */
  double dfdx(double x, double y, double[] p);

  /**
   * Accumulates {@code dy · ∂f/∂p[k]} into {@code g[k]} for every <em>learnable</em> parameter {@code k}
   * (others are left untouched). The default does nothing, which is right for functions without learnable
   * parameters.
   */
  default void dfdp(double x, double y, double[] p, double dy, double[] g) {}
}
