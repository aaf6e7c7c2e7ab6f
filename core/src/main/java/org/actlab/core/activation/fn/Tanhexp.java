package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.RootSeries;
import org.actlab.core.math.Stable;

/**
 * TanhExp: {@code x·tanh(eˣ)}.
 *
 * <p>Derivative {@code tanh(eˣ) + x·eˣ·sech²(eˣ)}, with sech² in the stable {@code 4e^{−2|u|}/(1+e^{−2|u|})²}
 * form. Above x = 7, tanh(eˣ) is 1 in double and the second term underflows, so f = x and f' = 1 (no
 * {@code ∞·0}); below x = −40, tanh(eˣ) = eˣ and the results are x·eˣ and (1+x)·eˣ, rounded once. Liu &amp; Di
 * (2020).
 *
 * <p>Next to the root x = −1.0789 of f' the terms cancel; there f' is the polynomial {@code RootSeries.TANHEXP}
 * in x − r (|x − r| &lt; 0.3, degree 15, from mpmath via tools/root_series.py): 6.2·10⁶ ULP before, at most 3.2 ULP
 * after (measured at dense doubles and the golden points).
 *
 * <p>Proposed for lightweight real-time networks: near-linear for positive inputs (gradient about 1 soon after
 * 0), a dip to −0.353 at x = −1.079, no dying units. Non-monotonic, not zero-centred; costs an exp and a tanh.
 */
public final class Tanhexp implements Activation {

  private static final Spec SPEC = Spec.builder("tanhexp")
      .name("TanhExp")
      .family(Family.SMOOTH)
      .formula("x \\tanh(e^{x})")
      .derivative("\\tanh(e^{x}) + x\\,e^{x}\\operatorname{sech}^2(e^{x})")
      .reference("X. Liu, X. Di, TanhExp: A Smooth Activation Function with High Convergence Speed for "
          + "Lightweight Neural Networks, IET Computer Vision 2021 (arXiv:2003.09855, 2020)")
      .range(Range.atLeast(-0.3532857778482113)) // minimum at x = -1.07886005846462406 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-5, 3)
      .notes("Becomes the identity quickly for positive inputs (f(1) = 0.99), which its authors found to speed "
          + "up training of small, fast networks. Negative inputs give a dip to -0.353 and then decay to 0, so "
          + "units do not die but the gradient vanishes for very negative inputs. Non-monotonic, not "
          + "zero-centred; costs an exp and a tanh.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 7) {
      return x; // tanh(e^7) = tanh(1096.6) rounds to 1
    }
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp(x, x);
    }
    return x * Math.tanh(Math.exp(x));
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x > 7) {
      return 1.0; // x·eˣ·sech²(eˣ) < 1e-900 here
    }
    if (x < -40) {
      return x == Double.NEGATIVE_INFINITY ? -0.0 : Gates.timesExp(1 + x, x);
    }
    if (RootSeries.TANHEXP.near(x)) {
      return RootSeries.TANHEXP.at(x);
    }
    double e = Math.exp(x);
    double th = Math.tanh(e);
    if (x > 0) { // both terms positive: no cancellation
      return th + x * e * Stable.sech2(e);
    }
    // The terms cancel near the root x = -1.0789: sech² = 1 - th² is formed with one rounding (th <= 0.77 here, so
    // no cancellation), and the product x·e·sech² keeps its rounding errors (fma) for the final sum.
    double s2 = Math.fma(-th, th, 1);
    double p1 = x * e;
    double p1e = Math.fma(x, e, -p1);
    double p2 = p1 * s2;
    double p2e = Math.fma(p1, s2, -p2) + p1e * s2;
    return (th + p2) + p2e;
  }
}
