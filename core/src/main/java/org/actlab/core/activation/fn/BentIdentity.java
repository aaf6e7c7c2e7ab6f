package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Bent identity {@code (√(x² + 1) − 1)/2 + x}: the identity bent upwards by half a hyperbola.
 *
 * <p>Derivative {@code x/(2√(x² + 1)) + 1}, between 1/2 and 3/2. The square root comes from {@code hypot}, so x²
 * never overflows. {@code √(x²+1) − 1} cancels near 0, so for x &gt; −1 we use {@code x·(x/(√(x²+1) + 1))/2 + x};
 * for x ≤ −1 that sum would cancel instead, and {@code (1/(√(x²+1) − x) + (x − 1))/2} (using
 * {@code √(x²+1) + x = 1/(√(x²+1) − x)}) adds terms whose magnitudes differ by at least a factor 4.
 * No defining paper is known; it is listed in Wikipedia's comparison table (2018) and shipped by e3x (JAX).
 *
 * <p>A smooth, monotonic, non-saturating function with slope between 1/2 and 3/2: gradients neither vanish nor
 * explode, but it is only mildly non-linear, not zero-centred, and rarely better than relu-like units.
 */
public final class BentIdentity implements Activation {

  private static final Spec SPEC = Spec.builder("bent_identity")
      .name("Bent identity")
      .family(Family.SIGMOID)
      .formula("\\frac{\\sqrt{x^2 + 1} - 1}{2} + x")
      .derivative("\\frac{x}{2\\sqrt{x^2 + 1}} + 1")
      .reference("No defining paper known; Wikipedia, Activation function, comparison table (as of 2018); "
          + "e3x (JAX) e3x.nn.activations.bent_identity")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .plot(-5, 5)
      .notes("Identity plus half a hyperbola: slope 1/2 far left, 3/2 far right, 1 at the origin. Its gradient "
          + "stays within [1/2, 3/2], so it never saturates and never dies, but it is only weakly non-linear, so a "
          + "network needs many units to bend its decision surface. Not zero-centred (mean about 0.18 for N(0,1) "
          + "input). An occasional choice for regression heads.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x <= -1) {
      return (1 / (Math.hypot(x, 1) - x) + (x - 1)) / 2; // -inf gives (0 - inf)/2 = -inf
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x; // x/(hypot + 1) would be inf/inf
    }
    return x * (x / (Math.hypot(x, 1) + 1)) / 2 + x; // NaN falls through to NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double r = Double.isInfinite(x) ? Math.signum(x) : x / Math.hypot(x, 1); // x/sqrt(x²+1), in (-1, 1)
    return Math.fma(0.5, r, 1);
  }
}
