package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Scaled exponential linear unit: {@code scale·x} for x &gt; 0, {@code scale·alpha·(e^x − 1)} otherwise, with
 * Klambauer et al.'s fixed constants.
 *
 * <p>Derivative {@code scale} for x &gt; 0, {@code scale·alpha·e^x} otherwise; at 0 PyTorch takes the negative
 * branch, {@code scale·alpha ≈ 1.7581}. Klambauer, Unterthiner, Mayr &amp; Hochreiter (2017). The constants are
 * held as double-double pairs so each result is rounded once from the 32-digit values, and the negative branch
 * uses {@code expm1}.
 *
 * <p>Self-normalising: mean 0 and variance 1 are an attracting fixed point, so deep plain feed-forward nets train
 * without batch normalisation. Needs LeCun-normal initialisation and alpha-dropout; the guarantee is lost with
 * skip connections, ordinary dropout or other initialisations.
 */
public final class Selu implements Activation {

  /** scale = 1.0507009873554804934193349852946 as SCALE_HI + SCALE_LO. */
  static final double SCALE_HI = 1.0507009873554805;
  static final double SCALE_LO = 3.9874847667154144e-17;
  /** scale·alpha, alpha = 1.6732632423543772848170429916717: 1.7580993408473768599402175208123 as SA_HI + SA_LO. */
  static final double SA_HI = 1.7580993408473768;
  static final double SA_LO = 1.41535193800845e-17;

  private static final Spec SPEC = Spec.builder("selu")
      .name("SELU")
      .family(Family.EXPONENTIAL)
      .formula("\\lambda \\begin{cases} x & x > 0 \\\\ \\alpha (e^{x} - 1) & x \\le 0 \\end{cases}, \\quad "
          + "\\lambda \\approx 1.0507, \\alpha \\approx 1.6733")
      .derivative("\\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha e^{x} & x \\le 0 \\end{cases}")
      .reference("G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter, Self-Normalizing Neural Networks, "
          + "NeurIPS 2017")
      .range(Range.above(-SA_HI))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ZERO_CENTRED, Property.SELF_NORMALISING)
      .kinks(Kink.corner(0, SA_HI, "PyTorch autograd: selu'(0) = scale·alpha (the x <= 0 branch)"))
      .plot(-5, 3)
      .notes("Scaled elu whose constants make mean 0 and variance 1 a stable fixed point: deep fully connected "
          + "nets stay normalised without batch norm (self-normalising). Only with LeCun-normal initialisation, "
          + "alpha-dropout and plain feed-forward stacks; skip connections or ordinary dropout break it. "
          + "Saturates at -1.7581 for large negative x. Costs one exp per negative input.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      return Math.fma(SCALE_HI, x, SCALE_LO * x);
    }
    double e = Math.expm1(x);
    return Math.fma(SA_HI, e, SA_LO * e); // NaN stays NaN, -0.0 stays -0.0
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x > 0) {
      return SCALE_HI;
    }
    double e = Math.exp(x);
    return Math.fma(SA_HI, e, SA_LO * e);
  }
}
