package org.actlab.core.activation.fn;

import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.math.Stable;

/**
 * The lecture notes' custom activation: {@code α·x²} for x &gt; 0, {@code β·ln(1 + e^x)} otherwise.
 *
 * <p>Derivative {@code 2αx} for x &gt; 0, {@code β·σ(x)} otherwise; x = 0 takes the softplus branch, so
 * f'(0) = β/2. The function jumps at 0, from β·ln 2 down to 0: the notes present it as a worked example of
 * writing a forward/backward pair, not as a good activation. The softplus is evaluated in its stable form
 * ({@code log1p(e^{-|x|})}), not the notes' {@code log(1 + exp(x))}.
 *
 * <p>Avoid it in real networks: the discontinuity at 0 makes the loss surface discontinuous, the positive side
 * grows quadratically (exploding activations and gradients in deep stacks) and the negative side saturates.
 * Use it to learn how custom activations and their gradients are built and checked.
 */
public final class QuadraticSoftplus implements Activation {

  private static final Spec SPEC = Spec.builder("quadratic_softplus")
      .name("Quadratic-softplus (the notes' custom activation)")
      .family(Family.CUSTOM)
      .formula("\\begin{cases} \\alpha x^2 & x > 0 \\\\ \\beta \\ln(1 + e^{x}) & x \\le 0 \\end{cases}")
      .derivative("\\begin{cases} 2 \\alpha x & x > 0 \\\\ \\beta \\sigma(x) & x \\le 0 \\end{cases}")
      .reference("ActLab lecture notes, slide 6 'Custom Activation Function Implementation' (CustomActivation, "
          + "alpha=0.5, beta=1.0); its x <= 0 branch is the softplus of C. Dugas, Y. Bengio, F. Belisle, C. Nadeau, "
          + "R. Garcia, Incorporating Second-Order Functional Knowledge for Better Option Pricing, NIPS 2000")
      .param(Param.of("alpha", 0.5, "coefficient of the quadratic branch (x > 0)"))
      .param(Param.of("beta", 1.0, "scale of the softplus branch (x <= 0)"))
      .range(Range.above(0))
      .smoothness(Smoothness.DISCONTINUOUS)
      .saturation(Saturation.NEGATIVE)
      .kinks(p -> List.of(Kink.jump(0, p[1] / 2, "x = 0 takes the softplus branch (the notes' x <= 0): "
          + "f(0) = beta*ln 2, f(0+) = 0, derivative beta*sigmoid(0) = beta/2")))
      .plot(-4, 2)
      .notes("A teaching example from the notes: a softplus for x <= 0 glued to a parabola for x > 0. It jumps "
          + "at 0 (from beta*ln 2 to 0), so it is neither continuous nor monotonic, the quadratic side explodes "
          + "in deep stacks and the softplus side saturates. Use it to practise writing and gradient-checking a "
          + "custom activation, not in a real network.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > 0) {
      return p[0] == 0 ? 0.0 : p[0] * x * x; // (αx)x: no overflow of x² when α is small; 0·inf avoided
    }
    return p[1] * Stable.softplus(x); // NaN falls through to NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    if (x > 0) {
      return p[0] == 0 ? 0.0 : 2 * p[0] * x;
    }
    return p[1] * Stable.sigmoid(x);
  }
}
