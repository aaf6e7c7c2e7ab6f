package org.actlab.core.activation.fn;

import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Squareplus: {@code (x + √(x² + b))/2}, an algebraic softplus.
 *
 * <p>Derivative {@code (1 + x/√(x² + b))/2}. Barron (2021); JAX {@code jax.nn.squareplus}. For x &lt; 0 both
 * are rewritten without cancellation, {@code b/(2(√(x²+b) − x))} and {@code b/(2√(x²+b)(√(x²+b) − x))}, and
 * the root is {@code hypot(x, √b)} so x² never overflows.
 *
 * <p>Softplus's shape with only a square root (no exp or log): cheaper, smooth, positive, never a dead gradient.
 * {@code b} sets the curvature at 0 (b = 0 is relu). Not zero-centred.
 */
public final class Squareplus implements Activation {

  private static final Spec SPEC = Spec.builder("squareplus")
      .name("Squareplus")
      .family(Family.EXPONENTIAL)
      .formula("\\frac{x + \\sqrt{x^2 + b}}{2}")
      .derivative("\\frac{1}{2}\\left(1 + \\frac{x}{\\sqrt{x^2 + b}}\\right)")
      .reference("J. T. Barron, Squareplus: A Softplus-Like Algebraic Rectifier, arXiv:2112.11687, 2021; "
          + "JAX jax.nn.squareplus")
      .param(Param.of("b", 4.0, "curvature near 0; b = 0 gives relu").atLeast(0))
      .range(Range.above(0))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC)
      .kinks(p -> p[0] == 0
          ? List.of(Kink.corner(0, 0.5, "b = 0 is relu; we keep f'(0) = 1/2, its value for every b > 0"))
          : List.of())
      .plot(-5, 5)
      .notes("Softplus-like smooth rectifier built from a square root instead of exp and log, so it is cheaper, "
          + "especially on hardware without fast transcendentals. Positive, monotonic, gradient never exactly 0 "
          + "(no dying units); b = 4 (the paper's and JAX's default) matches softplus's curvature at 0. Not "
          + "zero-centred.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double b = p[0];
    double s = Math.hypot(x, Math.sqrt(b));
    if (x < 0) {
      return (0.25 * b) / (0.5 * s - 0.5 * x); // b/(2(s - x)): no cancellation, no overflow of s - x
    }
    return 0.5 * x + 0.5 * s; // NaN stays NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double b = p[0];
    double s = Math.hypot(x, Math.sqrt(b));
    // b/(2s(s − x)) where 1 + x/s would cancel; above −√b/2 it does not (1 + x/s > 0.55), and b/(2s(s − x)) would
    // take s's rounding twice: 4.01 ULP next to 0 (x = −2.6e-5, tools/dense_audit.py)
    if (x < -0.5 * Math.sqrt(b)) {
      return (0.25 * b / s) / (0.5 * s - 0.5 * x);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    return s == 0 ? 0.5 : 0.5 + 0.5 * (x / s); // s = 0 only for x = 0, b = 0
  }
}
