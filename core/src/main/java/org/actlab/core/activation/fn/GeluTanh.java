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
 * GELU, tanh approximation: {@code 0.5·x·(1 + tanh u)}, u = √(2/π)·(x + 0.044715x³), computed as
 * {@code x·σ(2u)}.
 *
 * <p>Derivative {@code σ(2u) + x·σ'(2u)·√(2/π)·2·(1 + 3·0.044715x²)}. The two forms are equal, but {@code 1 + tanh u}
 * cancels for negative x and {@code 1 − tanh²} in its derivative loses every digit in the tails (NUMERICS.md §2).
 * The formula with the decimal constants is the definition: {@code 2u} is evaluated in double-double (fma
 * two-products and two-sums, constants carried with their remainders) and its low part corrects σ to first
 * order. Hendrycks &amp; Gimpel (2016); PyTorch's {@code gelu(approximate='tanh')}.
 *
 * <p>Next to the root x = −0.7525 of f' the terms cancel; there f' is the polynomial {@code RootSeries.GELU_TANH}
 * in x − r (|x − r| &lt; 0.5, degree 18, from mpmath via tools/root_series.py): 7.5·10⁶ ULP before, at most 2.7 ULP
 * after (measured at dense doubles and the golden points).
 *
 * <p>Use it to reproduce models trained with it (GPT-2, BERT's original code); it is within 5·10⁻⁴ of the exact
 * gelu. The lecture notes call this formula "gelu": it is the approximation, not the exact function.
 */
public final class GeluTanh implements Activation {

  private static final double K = 1.5957691216057308; // 2·√(2/π)
  private static final double K_LO = -9.96930880911092e-17; // 2·√(2/π) − K (mpmath)
  private static final double C = 0.044715;
  private static final double C_LO = 2.1960211427085595e-18; // 0.044715 − C (mpmath)
  private static final double C3 = 0.134145; // 3·0.044715
  private static final double C3_LO = 1.3526957332032908e-17; // 0.134145 − C3 (mpmath)
  /** Beyond this |x|, |2u| &gt; 7·10¹³: σ(2u) is exactly 0 or 1, and x³ would overflow further out. */
  private static final double FAR = 1e5;

  private static final Spec SPEC = Spec.builder("gelu_tanh")
      .name("GELU (tanh approximation)")
      .family(Family.SMOOTH)
      .formula("\\frac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\right)\\right)")
      .derivative("\\sigma(2u) + x\\,\\sigma(2u)\\,\\sigma(-2u)\\cdot 2\\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^2),"
          + "\\quad u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)")
      .reference("D. Hendrycks, K. Gimpel, Gaussian Error Linear Units (GELUs), arXiv:1606.08415, 2016; "
          + "PyTorch torch.nn.GELU(approximate='tanh')")
      .range(Range.atLeast(-0.17004075057125406)) // minimum at x = -0.75246142207101626 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-4, 4)
      .notes("The tanh approximation of gelu (PyTorch's approximate='tanh'), used by GPT-2 and the original BERT "
          + "code; within 5e-4 of the exact gelu, so use it to reproduce those models and the exact gelu "
          + "otherwise. The lecture notes' numpy 'gelu' is this formula. Non-monotonic with a small negative dip, "
          + "no dying units, not zero-centred.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (Math.abs(x) > FAR) {
      return x > 0 ? x : -0.0;
    }
    return Gates.gate(x, scaledCubic(x, C, C_LO, false), scaledCubic(x, C, C_LO, true));
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (Math.abs(x) > FAR) {
      return x > 0 ? 1.0 : -0.0;
    }
    double t = scaledCubic(x, C, C_LO, false); // v = 2u = t + err
    double err = scaledCubic(x, C, C_LO, true);
    if (x >= 0) { // no cancellation: both terms are non-negative
      return Gates.gate(1.0, t, err) + x * Gates.sigmoidSlope(t, err) * (K * Math.fma(C3, x * x, 1));
    }
    if (RootSeries.GELU_TANH.near(x)) {
      return RootSeries.GELU_TANH.at(x);
    }
    double w = scaledCubic(x, C3, C3_LO, false); // x·v' = K(x + 3Cx³) = w + wl
    double wl = scaledCubic(x, C3, C3_LO, true);
    double e = Math.exp(t);
    e += e * err; // e^v
    if (t < -40) {
      return Gates.timesExp((1 + w) * (1 + err), t); // σ(v) = σ'(v) = e^v: f' = e^v(1 + x·v'), rounded once
    }
    // f' = σ(v)(1 + x·v'·σ(−v)) = e(1 + x·v' + e)/(1 + e)²; 1 + x·v' vanishes near the root, so it is a two-sum
    double a = 1 + w;
    double bb = a - 1;
    double aErr = (1 - (a - bb)) + (w - bb);
    double d = 1 + e;
    return Gates.overSquare(e * ((a + e) + (aErr + wl)), d, (1 - d) + e); // exact remainder: 1 ≥ e
  }

  /**
   * {@code K·(x + c·x³)} in double-double: the rounded value, or (if {@code low}) the remainder it misses. With
   * c = 0.044715 it is 2u; with c = 3·0.044715 it is x·d(2u)/dx. Every product is split exactly with fma; the
   * constants' remainders enter to first order.
   */
  private static double scaledCubic(double x, double c, double cLo, boolean low) {
    double x2 = x * x;
    double x2e = Math.fma(x, x, -x2);
    double x3 = x2 * x;
    double x3e = Math.fma(x2, x, -x3) + x2e * x;
    double c3 = c * x3;
    double c3e = Math.fma(c, x3, -c3) + c * x3e + cLo * x3;
    double s = x + c3; // two-sum
    double bb = s - x;
    double se = (x - (s - bb)) + (c3 - bb) + c3e;
    double t = K * s;
    double te = Math.fma(K, s, -t) + K * se + K_LO * s;
    double hi = t + te;
    return low ? te - (hi - t) : hi;
  }
}
