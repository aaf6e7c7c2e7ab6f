package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Sigmoid-weighted linear unit: {@code x·σ(x)}.
 *
 * <p>Derivative {@code σ(x)·(1 + x·σ(−x))}, with no {@code 1 − σ} cancellation; below x = −40 both are computed
 * as {@code x·e^x} and {@code (1+x)·e^x}, rounded once even when subnormal. silu(−∞) = −0.0 (PyTorch gives NaN
 * from {@code −∞·0}: NUMERICS.md §2). Hendrycks &amp; Gimpel (2016); Elfwing, Uchibe &amp; Doya (2018); the same
 * function as Swish with β = 1 (Ramachandran, Zoph &amp; Le, 2017), which is a separate entry with a trainable β.
 *
 * <p>Next to the root x = −1.2785 of the derivative the sum above cancels; there f' is the polynomial
 * {@code RootSeries.GATE} in x − r (|x − r| &lt; 0.25, degree 12, from mpmath via tools/root_series.py): 3.2·10⁶ ULP
 * before, at most 2.5 ULP after (measured at dense doubles and the golden points).
 *
 * <p>A smooth, non-monotonic relu replacement: no dying units (small negative outputs keep a gradient), a dip to
 * −0.2785 at x = −1.2785, unbounded above. Costs an exp. Common in vision (EfficientNet) and in SwiGLU blocks.
 */
public final class Silu implements Activation {

  private static final Spec SPEC = Spec.builder("silu")
      .name("SiLU")
      .family(Family.SMOOTH)
      .formula("x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}")
      .derivative("\\sigma(x)\\,\\bigl(1 + x\\,\\sigma(-x)\\bigr)")
      .reference("S. Elfwing, E. Uchibe, K. Doya, Sigmoid-Weighted Linear Units for Neural Network Function "
          + "Approximation in Reinforcement Learning, Neural Networks 2018 (first proposed in D. Hendrycks, "
          + "K. Gimpel, Gaussian Error Linear Units (GELUs), 2016)")
      .range(Range.atLeast(-0.2784645427610738)) // minimum at x = -1.27846454276107379511 (mpmath)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.ZERO_AT_ZERO)
      .plot(-6, 4)
      .notes("A smooth relu: close to x for large x, close to 0 for very negative x, with a small negative dip "
          + "(minimum -0.2785 at x = -1.2785) that keeps gradients alive, so units do not die. Non-monotonic and "
          + "not zero-centred. Costs one exp. The usual choice in EfficientNet-style CNNs and, as the gate of "
          + "SwiGLU, in transformer feed-forward blocks; swish is the same function with a trainable beta.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return Gates.gate(x, x, 0);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return Gates.gateSlope(x, 0);
  }
}
