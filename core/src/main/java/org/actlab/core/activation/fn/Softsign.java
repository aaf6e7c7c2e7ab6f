package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Softsign {@code x/(1 + |x|)}: a rational sigmoid with polynomial rather than exponential tails.
 *
 * <p>Derivative {@code 1/(1 + |x|)²}, computed by squaring the reciprocal so that it neither overflows nor
 * cancels for large |x| (PyTorch's float32 form is off by ~6·10³ ULP there: NUMERICS.md §2). The rounding of
 * {@code 1 + |x|} is recovered exactly (two-sum) and corrected to first order. Turian, Bergstra &amp; Bengio
 * (2009); studied by Glorot &amp; Bengio (2010). The second derivative jumps at 0, so it is C¹, not C^∞.
 *
 * <p>Like tanh but saturating more gently: gradients decay as 1/x² instead of e^{-2|x|}, so saturated units
 * still learn a little. Zero-centred. No exp, so it is cheap.
 */
public final class Softsign implements Activation {

  private static final Spec SPEC = Spec.builder("softsign")
      .name("Softsign")
      .family(Family.SIGMOID)
      .formula("\\frac{x}{1 + |x|}")
      .derivative("\\frac{1}{(1 + |x|)^2}")
      .reference("J. Turian, J. Bergstra, Y. Bengio, Quadratic Features and Deep Architectures for Chunking, "
          + "NAACL-HLT 2009; PyTorch torch.nn.Softsign")
      .range(Range.open(-1, 1))
      .smoothness(Smoothness.C1)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .plot(-8, 8)
      .notes("A cheap, zero-centred alternative to tanh whose tails approach +-1 polynomially, so the gradient "
          + "vanishes as 1/x^2 rather than exponentially and saturated units recover more easily (Glorot & Bengio "
          + "2010). Still saturates on both sides: not a fix for vanishing gradients in deep stacks. Only C1: the "
          + "second derivative jumps at 0.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double a = Math.abs(x);
    if (a == Double.POSITIVE_INFINITY) {
      return Math.copySign(1.0, x); // x/(1+|x|) would be inf/inf
    }
    double d = 1 + a;
    double y = x / d;
    double rem = Math.fma(-y, d, x) - y * lowPart(a, d); // x - y·(1+|x|) exactly, to first order
    return Math.copySign(y + rem / d, x); // keeps the sign of -0.0
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double a = Math.abs(x);
    double d = 1 + a; // inf for x = +-inf: the result is 0, the limit
    double r = 1 / d;
    if (a == Double.POSITIVE_INFINITY) {
      return r;
    }
    // 1/(d + lo)^2 = r^2 (1 - 2 lo/d) and r = 1/d + e with e = fma(-r, d, 1)/d: correct both to first order
    double c = Math.fma(-r, d, 1) - r * lowPart(a, d); // 1 - r·(1+|x|) exactly, to first order
    return r * r + 2 * r * (r * c);
  }

  /** The rounding error of {@code d = 1 + a} (two-sum), so that {@code 1 + a = d + lowPart} exactly. */
  private static double lowPart(double a, double d) {
    double b = d - a;
    return (1 - b) + (a - (d - b));
  }
}
