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
 * Hard shrinkage: {@code x} for |x| &gt; lambd, 0 otherwise.
 *
 * <p>Derivative 1 for |x| &gt; lambd and 0 otherwise; at the jumps ±lambd we return 0, as PyTorch's autograd
 * ({@code x} in {@code [-lambd, lambd]} gets no gradient). Hard thresholding of Donoho &amp; Johnstone (1994).
 *
 * <p>Zeroes small inputs and passes large ones unchanged: a sparsifying denoiser. It jumps at ±lambd and the
 * gradient ignores the jump, so the notes advise against it in backpropagation; use softshrink if you need a
 * shrinkage inside a trained network.
 */
public final class Hardshrink implements Activation {

  private static final Spec SPEC = Spec.builder("hardshrink")
      .name("Hardshrink")
      .family(Family.RELU)
      .formula("\\begin{cases} x & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}, \\quad "
          + "\\lambda = \\text{lambd}")
      .derivative("\\begin{cases} 1 & |x| > \\lambda \\\\ 0 & |x| \\le \\lambda \\end{cases}")
      .reference("D. Donoho, I. Johnstone, Ideal spatial adaptation by wavelet shrinkage, Biometrika 1994; "
          + "PyTorch torch.nn.Hardshrink")
      .param(Param.of("lambd", 0.5, "half-width of the dead zone").atLeast(0))
      .range(Range.REAL)
      .smoothness(Smoothness.DISCONTINUOUS)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO, Property.ODD, Property.ZERO_CENTRED,
          Property.SELF_NORMALISING)
      .kinks(Hardshrink::kinks)
      .plot(-3, 3)
      .notes("Sets inputs in [-lambd, lambd] to 0 and passes the rest unchanged (hard thresholding, a sparse "
          + "denoiser). Discontinuous at +-lambd, where the gradient ignores the jump: avoid it in "
          + "backpropagation and prefer softshrink. At lambd = 0.5 it keeps N(0,1) input at mean 0 and variance "
          + "0.969, so it meets the catalog's numerical self-normalising test, but it has no SELU-style fixed "
          + "point.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x > p[0] || x < -p[0] ? x : x == x ? 0.0 : x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > p[0] || x < -p[0] ? 1.0 : x == x ? 0.0 : x;
  }

  private static List<Kink> kinks(double[] p) {
    String why = "PyTorch autograd: hardshrink'(+-lambd) = 0 (no gradient for -lambd <= x <= lambd)";
    if (p[0] == 0) {
      return List.of(Kink.corner(0, 0, why)); // identity with f'(0) = 0: the two kinks meet
    }
    return List.of(Kink.jump(-p[0], 0, why), Kink.jump(p[0], 0, why));
  }
}
