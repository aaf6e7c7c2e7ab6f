package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

/**
 * The Gaussian bump {@code exp(−½((x − mean)/std)²)}, gaussian_glu's gate. Not in the catalog on its own: it
 * exists so that {@link GluMath} can treat every gate through the elementwise {@link Activation} contract.
 *
 * <p>Derivative {@code −(z/std)·f} with {@code z = (x − mean)/std}. {@code e^{−z²/2}} amplifies the error of
 * {@code z²} by {@code z²/2}, so the rounding errors of the subtraction, the division and the square are
 * recovered exactly (two-sum, fma remainder, fma square) and applied to first order (NUMERICS.md §4).
 */
final class GaussianGate implements Activation {

  static final Spec SPEC = Spec.builder("gaussian_gate")
      .name("Gaussian gate")
      .family(Family.CUSTOM)
      .formula("e^{-\\frac{1}{2}\\left(\\frac{x - \\mu}{s}\\right)^2}")
      .derivative("-\\frac{x - \\mu}{s^2}\\, e^{-\\frac{1}{2}\\left(\\frac{x - \\mu}{s}\\right)^2}")
      .reference("The lecture notes' generative-model slide (gaussian_glu); the Gaussian radial basis function")
      .param(Param.of("mean", 0, "centre of the gate: where it is fully open"))
      .param(Param.of("std", 1, "width of the gate").greaterThan(0))
      .range(new Range(0, 1, false, true))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .plot(-4, 4)
      .notes("Gate only: open (1) at x = mean, closing on both sides within a few std. Its gradient vanishes "
          + "far from the mean on both sides, so a unit whose input drifts away stops learning.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double mean = p[0];
    double std = p[1];
    double d = x - mean;
    double dErr = Stable.twoSumError(x, -mean, d);
    double z = d / std;
    double zErr = (Math.fma(-z, std, d) + dErr) / std; // exact remainder of the division, plus dErr, over std
    double s = z * z;
    if (!Double.isFinite(s)) {
      return s == s ? 0.0 : s; // z² overflowed (or x = ±∞): the bump is 0; NaN stays NaN
    }
    double sErr = Math.fma(z, z, -s) + 2 * z * zErr;
    double e = Math.exp(-0.5 * s);
    return e - e * (0.5 * sErr); // first order: e^{-(s + sErr)/2} ≈ e^{-s/2}(1 − sErr/2)
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (y == 0) {
      return x > p[0] ? -0.0 : 0.0; // the limit; avoids ∞ · 0 when (x − mean)/std² overflows
    }
    return -((x - p[0]) / p[1] / p[1]) * y;
  }
}
