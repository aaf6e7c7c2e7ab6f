package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.RootSeries;

/**
 * Mish: {@code x·tanh(softplus(x))}.
 *
 * <p>Derivative {@code tanh(sp) + x·sech²(sp)·σ(x)}, sp = ln(1+eˣ). Stable forms with no {@code log(1+exp)} and
 * no {@code 1 − tanh²}: for x ≤ 0, with e = eˣ and n = e(e+2), tanh(sp) = n/(n+2) and sech²(sp) = 4(n+1)/(n+2)²;
 * for x &gt; 0, with e = e^{−x}, tanh(sp) = (1+2e)/(1+2e+2e²) and sech²(sp) = (2e(1+e)/(1+2e+2e²))². Below
 * x = −40 they reduce to x·eˣ and (1+x)·eˣ, rounded once. Misra (2020). (DJL once used log₂ for ln here and took
 * its test values from the buggy code: NUMERICS.md §5.)
 *
 * <p>Next to the root x = −1.1924 of f' the terms cancel; there f' is the polynomial {@code RootSeries.MISH}
 * in x − r (|x − r| &lt; 0.4, degree 16, from mpmath via tools/root_series.py): 1.0·10⁷ ULP before, at most 3.0 ULP
 * after (measured at dense doubles and the golden points).
 *
 * <p>A smooth, non-monotonic relu replacement similar to silu, reported to help in some detectors (YOLOv4). Costs
 * an exp and a few divisions; not zero-centred; no dying units.
 */
public final class Mish implements Activation {

  private static final Spec SPEC = Spec.builder("mish")
      .name("Mish")
      .family(Family.SMOOTH)
      .formula("x \\tanh\\bigl(\\ln(1 + e^{x})\\bigr)")
      .derivative("\\tanh(\\operatorname{sp}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{sp}(x))\\,"
          + "\\sigma(x),\\quad \\operatorname{sp}(x) = \\ln(1 + e^{x})")
      .reference("D. Misra, Mish: A Self Regularized Non-Monotonic Activation Function, BMVC 2020 "
          + "(arXiv:1908.08681)")
      .range(Range.atLeast(-0.30884341301725043)) // minimum at x = -1.19243121451549521 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-6, 4)
      .notes("Smooth and non-monotonic like silu, with a slightly deeper dip (minimum -0.309 at x = -1.192) and a "
          + "smoother loss landscape reported by its author; used in YOLOv4. No dying units, unbounded above, "
          + "not zero-centred. Costs more than silu (exp plus divisions); prefer silu when speed matters.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      double e = Math.exp(-x);
      double a = 1 + 2 * e;
      return x * (a / (a + 2 * e * e));
    }
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp(x, x); // tanh(sp) = eˣ to double precision
    }
    double e = Math.exp(x);
    double n = e * (e + 2);
    return x * (n / (n + 2));
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x > 0) {
      if (x == Double.POSITIVE_INFINITY) {
        return 1.0;
      }
      double e = Math.exp(-x);
      double b = 1 + 2 * e + 2 * e * e;
      double w = 2 * e * (1 + e) / b; // sech(sp)
      return (1 + 2 * e) / b + x * (w * w) / (1 + e);
    }
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp(1 + x, x);
    }
    if (RootSeries.MISH.near(x)) {
      return RootSeries.MISH.at(x);
    }
    double e = Math.exp(x);
    double n = e * (e + 2);
    double d = n + 2;
    if (x > -0.5) { // the second term is small: tanh(sp) + x·sech²(sp)·σ(x) with sech² = 4(n+1)/d²
      return n / d + x * (4 * (n + 1) / (d * d)) * (e / (1 + e));
    }
    // = e·(4(1+x) + e(6 + 4x + e(4 + e)))/d²: 4(1+x) and 6 + 4x are exact near the root x = -1.19, where the
    // bracket cancels
    double e2 = e + 2;
    double nLo = Math.fma(e, e2, -n) + e * ((2 - e2) + e); // n = e(e + 2) exactly is n + nLo
    return Gates.overSquare(e * (4 * (1 + x) + e * ((6 + 4 * x) + e * (4 + e))), d, ((2 - d) + n) + nLo);
  }
}
