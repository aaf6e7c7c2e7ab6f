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

/**
 * Soft shrinkage: {@code x − lambd} for x &gt; lambd, {@code x + lambd} for x &lt; −lambd, 0 otherwise.
 *
 * <p>Derivative 1 for |x| &gt; lambd and 0 otherwise; at the kinks ±lambd we return 0, as PyTorch's autograd.
 * Soft thresholding of Donoho (1995), the proximal step of the L1 norm (ISTA).
 *
 * <p>Continuous, unlike hardshrink: it shrinks every surviving value towards 0 by lambd. Used for sparse coding
 * (LISTA) and denoising, rarely as a hidden activation. NaN gives NaN here; PyTorch returns 0 for NaN.
 */
public final class Softshrink implements Activation {

  private static final Spec SPEC = Spec.builder("softshrink")
      .name("Softshrink")
      .family(Family.RELU)
      .formula("\\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & "
          + "\\text{otherwise} \\end{cases}, \\quad \\lambda = \\text{lambd}")
      .derivative("\\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}")
      .reference("D. Donoho, De-noising by soft-thresholding, IEEE Transactions on Information Theory 1995; "
          + "PyTorch torch.nn.Softshrink")
      .param(Param.of("lambd", 0.5, "half-width of the dead zone and the shrinkage amount").atLeast(0))
      .range(Range.REAL)
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED)
      .kinks(Softshrink::kinks)
      .plot(-3, 3)
      .notes("Shrinks every input towards 0 by lambd and zeroes the dead zone [-lambd, lambd]: one step of L1 "
          + "regularisation (ISTA), a continuous counterpart of hardshrink. Used in sparse coding and denoising, "
          + "rarely as a hidden activation; no gradient flows through the dead zone. NaN in gives NaN out "
          + "(PyTorch returns 0 for NaN and passes the gradient through).")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x > p[0]) {
      return x - p[0];
    }
    if (x < -p[0]) {
      return x + p[0];
    }
    return x == x ? 0.0 : x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > p[0] || x < -p[0] ? 1.0 : x == x ? 0.0 : x;
  }

  private static List<Kink> kinks(double[] p) {
    String why = "PyTorch autograd: softshrink'(+-lambd) = 0 (no gradient for -lambd <= x <= lambd)";
    if (p[0] == 0) {
      return List.of(Kink.corner(0, 0, why)); // identity with f'(0) = 0: the two kinks meet
    }
    return List.of(Kink.corner(-p[0], 0, why), Kink.corner(p[0], 0, why));
  }
}
