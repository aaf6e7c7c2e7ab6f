package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Tanhshrink {@code x − tanh x}: what is left of the identity after removing its tanh part.
 *
 * <p>Derivative {@code tanh²x}. The direct subtraction cancels near 0 (PyTorch returns 0 for x = 1e-4, an error
 * of 10^15 ULP: NUMERICS.md §2). For |x| ≤ 1 we use Lambert's continued fraction {@code tanh x = x/(1 + q)},
 * {@code q = x²/(3 + x²/(5 + x²/(7 + …)))}, so {@code x − tanh x = x·x²/(3 + x² + x²/(5 + …))} with only
 * positive terms; nine levels reach 2^-60 at |x| = 1. Above 1, {@code (|x| − 1) + 2e^{-2|x|}/(1 + e^{-2|x|})}
 * adds two positive terms, so there is no cancellation anywhere.
 *
 * <p>Rarely used as a hidden activation: flat near 0 (f ≈ x³/3, so gradients vanish for small inputs) and linear
 * far out. It appears in sparse-coding networks (LISTA-style shrinkage). Unbounded, zero-centred, odd.
 */
public final class Tanhshrink implements Activation {

  /** Number of partial denominators of the continued fraction after 3: enough for 2^-60 at |x| = 1. */
  private static final int DEPTH = 9;

  private static final Spec SPEC = Spec.builder("tanhshrink")
      .name("Tanhshrink")
      .family(Family.SIGMOID)
      .formula("x - \\tanh x")
      .derivative("\\tanh^2 x")
      .reference("PyTorch torch.nn.Tanhshrink")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-4, 4)
      .notes("The residual x - tanh(x): near zero it behaves like x^3/3, so small inputs get almost no gradient, "
          + "and for large |x| it is x minus a constant. Used as a soft shrinkage in sparse-coding networks "
          + "rather than as a general hidden activation. Monotonic, odd and zero-centred; it does not saturate. "
          + "Computed without the cancellation that makes x - tanh(x) return 0 near the origin in PyTorch.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double a = Math.abs(x);
    if (a <= 1) {
      double s = x * x;
      double t = 0;
      for (int k = DEPTH; k >= 2; k--) { // t = x²/(5 + x²/(7 + … + x²/19))
        t = s / ((2 * k + 1) + t);
      }
      // x³/(3 + x² + t) with x³ in double-double (fma), so only the denominator's and the final rounding remain
      double sLo = Math.fma(x, x, -s);
      double c = x * s;
      double cLo = Math.fma(x, s, -c) + x * sLo;
      double d = 3 + s + t;
      double y = c / d;
      return y + (Math.fma(-y, d, c) + cLo) / d;
    }
    double e = Math.exp(-2 * a); // 1 - tanh|x| = 2e/(1+e); NaN and +-inf pass through to NaN and +-inf
    return Math.copySign((a - 1) + 2 * e / (1 + e), x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double t = Math.tanh(x);
    return t * t;
  }
}
