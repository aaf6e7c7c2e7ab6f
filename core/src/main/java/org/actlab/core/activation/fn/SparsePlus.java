package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Sparse plus: 0 for x ≤ −1, {@code (x + 1)²/4} for −1 &lt; x &lt; 1, x for x ≥ 1.
 *
 * <p>Derivative 0, {@code (x + 1)/2}, 1 on the three pieces: continuous, so the function is C¹ and has no kinks
 * (the second derivative jumps at ±1). It is the integral of {@code sparse_sigmoid}, a softplus with exact zeros:
 * Blondel, Martins &amp; Niculae (2020); shipped as JAX's {@code jax.nn.sparse_plus}. {@code x + 1} is exact near
 * −1, so tiny outputs keep their relative accuracy.
 *
 * <p>A smooth relu: differentiable everywhere (no kink at 0) yet exactly zero below −1, so it keeps relu's
 * sparsity. Units pushed below −1 get no gradient (dying units). Not zero-centred. No exp: cheap.
 */
public final class SparsePlus implements Activation {

  private static final Spec SPEC = Spec.builder("sparse_plus")
      .name("Sparse plus")
      .family(Family.SMOOTH)
      .formula("\\begin{cases} 0 & x \\le -1 \\\\ \\frac{(x + 1)^2}{4} & -1 < x < 1 \\\\ x & x \\ge 1 "
          + "\\end{cases}")
      .derivative("\\begin{cases} 0 & x \\le -1 \\\\ \\frac{x + 1}{2} & -1 < x < 1 \\\\ 1 & x \\ge 1 "
          + "\\end{cases}")
      .reference("M. Blondel, A. Martins, V. Niculae, Learning with Fenchel-Young Losses, JMLR 2020; "
          + "JAX jax.nn.sparse_plus")
      .range(Range.atLeast(0))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC)
      .plot(-3, 3)
      .notes("A relu smoothed on [-1, 1] by a parabola: differentiable everywhere, exactly zero below -1 (sparse) "
          + "and the identity above 1. Cheap (no exp), but inputs stuck below -1 get no gradient, as with relu. "
          + "Not zero-centred; f(0) = 1/4.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x <= -1) {
      return 0.0;
    }
    if (x >= 1) {
      return x;
    }
    double u = x + 1; // NaN falls through to NaN
    return u * u / 4;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x <= -1) {
      return 0.0;
    }
    return x >= 1 ? 1.0 : (x + 1) / 2;
  }
}
