package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * QuickGELU, the sigmoid approximation of GELU: {@code x·σ(1.702x)}.
 *
 * <p>Derivative {@code σ(v)·(1 + v·σ(−v))} with v = 1.702x. The constant is the decimal 1.702, carried as a
 * double plus its remainder, and the rounding of {@code 1.702·x} is corrected to first order. Hendrycks &amp;
 * Gimpel (2016) proposed it; OpenAI's CLIP (Radford et al., 2021) made it popular.
 *
 * <p>Next to the root of the derivative, v = 1.702x = −1.2785, the sum above cancels; there f' is the polynomial
 * {@code RootSeries.GATE} in v − r, with v carried in double-double (|v − r| &lt; 0.25, degree 12, from mpmath
 * via tools/root_series.py): 1.7·10⁶ ULP before, at most 2.5 ULP after (dense doubles and golden points).
 *
 * <p>Use it only to reproduce models trained with it (CLIP, some ViTs): it is swish with β = 1.702, and differs from
 * the exact GELU by up to about 0.02. Otherwise prefer gelu or silu.
 */
public final class QuickGelu implements Activation {

  private static final double K = 1.702;
  private static final double K_LO = 4.263256414560601e-17; // 1.702 − K (mpmath)

  private static final Spec SPEC = Spec.builder("quick_gelu")
      .name("QuickGELU")
      .family(Family.SMOOTH)
      .formula("x\\,\\sigma(1.702\\,x)")
      .derivative("\\sigma(1.702x)\\,\\bigl(1 + 1.702x\\,\\sigma(-1.702x)\\bigr)")
      .reference("D. Hendrycks, K. Gimpel, Gaussian Error Linear Units (GELUs), arXiv:1606.08415, 2016; as used in "
          + "A. Radford et al., Learning Transferable Visual Models From Natural Language Supervision (CLIP), "
          + "ICML 2021")
      .range(Range.atLeast(-0.1636101896363536)) // minimum at x = -0.75115425544128895 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-4, 4)
      .notes("A cheap sigmoid approximation of GELU (swish with beta = 1.702), used by OpenAI's CLIP. It differs "
          + "from the exact gelu by up to about 0.02, so use it to load or reproduce models trained with it, not as "
          + "a drop-in gelu. Non-monotonic with a small negative dip, no dying units, not zero-centred.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    double t = K * x;
    return Gates.gate(x, t, Math.fma(K, x, -t) + K_LO * x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    double t = K * x;
    return Gates.gateSlope(t, Math.fma(K, x, -t) + K_LO * x);
  }
}
