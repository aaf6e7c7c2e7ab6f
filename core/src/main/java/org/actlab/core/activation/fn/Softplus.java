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
import org.actlab.core.math.Stable;

/**
 * Softplus: {@code ln(1 + e^{beta·x})/beta}, switching to {@code x} where {@code beta·x > threshold}.
 *
 * <p>Derivative {@code σ(beta·x)}, and 1 on the linear side of the switch. Dugas et al. (2001); the beta and
 * threshold parameters are PyTorch's. Computed as {@code max(t,0) + log1p(e^{-|t|})} with {@code t = beta·x}, and
 * the rounding of the product corrected to first order (the left tail amplifies it by |t|).
 *
 * <p>A smooth relu: strictly positive, never exactly zero gradient, so no dying units; larger beta is closer to
 * relu. Costs an exp and a log. Not zero-centred. Also the standard map to positive values (variances, rates).
 */
public final class Softplus implements Activation {

  private static final Spec SPEC = Spec.builder("softplus")
      .name("Softplus")
      .family(Family.EXPONENTIAL)
      .formula("\\begin{cases} \\frac{1}{\\beta} \\ln(1 + e^{\\beta x}) & \\beta x \\le \\tau \\\\ x & "
          + "\\beta x > \\tau \\end{cases}, \\quad \\tau = \\text{threshold}")
      .derivative("\\begin{cases} \\sigma(\\beta x) & \\beta x \\le \\tau \\\\ 1 & \\beta x > \\tau \\end{cases}")
      .reference("C. Dugas, Y. Bengio, F. Belisle, C. Nadeau, R. Garcia, Incorporating Second-Order Functional "
          + "Knowledge for Better Option Pricing, NIPS 2000; PyTorch torch.nn.Softplus")
      .param(Param.of("beta", 1.0, "sharpness; larger is closer to relu").greaterThan(0))
      .param(Param.of("threshold", 20.0, "above beta*x = threshold the function is x (PyTorch's switch)"))
      .range(Range.above(0))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC)
      .kinks(p -> List.of(Kink.jump(p[1] / p[0], derivative(p[1] / p[0], p[0], p[1]),
          "PyTorch's switch to x where beta*x > threshold, kept for compatibility: a jump of about "
              + "e^-threshold/beta (2e-9 at the defaults); x = threshold/beta still takes the log1p branch")))
      .plot(-5, 5)
      .notes("A smooth relu: ln(1 + e^x), positive everywhere, gradient sigma(x) never exactly 0, so units do not "
          + "die; beta sharpens it towards relu. Costs an exp and a log, and it is not zero-centred. Beyond "
          + "beta*x = threshold it returns x, as PyTorch does (a 2e-9 jump at the defaults). Also the usual map to "
          + "positive outputs such as variances.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double beta = p[0];
    double t = beta * x;
    if (t > p[1]) {
      return x;
    }
    double err = Math.fma(beta, x, -t); // exact rounding error of beta·x
    double s = Stable.softplus(t);
    if (err != 0 && Double.isFinite(err)) {
      s += err * Stable.sigmoid(t); // softplus'(t) = σ(t)
    }
    return s / beta;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return derivative(x, p[0], p[1]);
  }

  /** {@code σ(beta·x)} with the product's rounding corrected, or 1 past the switch. */
  private static double derivative(double x, double beta, double threshold) {
    double t = beta * x;
    if (t > threshold) {
      return 1.0;
    }
    double err = Math.fma(beta, x, -t);
    double s = Stable.sigmoid(t);
    if (err != 0 && Double.isFinite(err)) {
      s += err * Stable.sigmoidDerivative(t);
    }
    return s;
  }
}
