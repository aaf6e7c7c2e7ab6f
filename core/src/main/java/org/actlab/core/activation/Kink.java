package org.actlab.core.activation;

/**
 * A point where the function is not differentiable, and the derivative value we return there.
 * The values follow PyTorch's CPU autograd (NUMERICS.md §1) and are tested exactly.
 *
 * @param x          where the kink is (for the parameters it was computed from)
 * @param derivative the exact value {@link Activation#dfdx} returns at {@code x}
 * @param jump       true if the function itself jumps at {@code x} (a discontinuity, not just a corner)
 * @param why        the convention and its source, e.g. "PyTorch: relu'(0) = 0"
 */
public record Kink(double x, double derivative, boolean jump, String why) {

  public static Kink corner(double x, double derivative, String why) {
    return new Kink(x, derivative, false, why);
  }

  public static Kink jump(double x, double derivative, String why) {
    return new Kink(x, derivative, true, why);
  }
}
