package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Sparse sigmoid: 0 for x ≤ −1, 1 for x ≥ 1, {@code (x + 1)/2} in between.
 *
 * <p>Derivative 1/2 strictly inside (−1, 1) and 0 outside; at the kinks ±1 we return 0, the convention of
 * hardtanh and hardsigmoid (gradient only strictly inside; JAX's clip-based definition would split the tie).
 * It is the two-class sparsemax, the derivative of {@code sparse_plus}: Blondel, Martins &amp; Niculae (2020);
 * shipped as JAX's {@code jax.nn.sparse_sigmoid}. {@code (x + 1)/2} is exact near −1, so small outputs keep
 * their relative accuracy.
 *
 * <p>A probability that reaches exactly 0 and 1, for sparse gates and attention. Zero gradient outside (−1, 1):
 * saturated units stop learning. Not zero-centred.
 */
public final class SparseSigmoid implements Activation {

  private static final Spec SPEC = Spec.builder("sparse_sigmoid")
      .name("Sparse sigmoid")
      .family(Family.SIGMOID)
      .formula("\\begin{cases} 0 & x \\le -1 \\\\ \\frac{x + 1}{2} & -1 < x < 1 \\\\ 1 & x \\ge 1 \\end{cases}")
      .derivative("\\begin{cases} \\frac{1}{2} & -1 < x < 1 \\\\ 0 & \\text{otherwise} \\end{cases}")
      .reference("M. Blondel, A. Martins, V. Niculae, Learning with Fenchel-Young Losses, JMLR 2020; "
          + "JAX jax.nn.sparse_sigmoid")
      .range(Range.closed(0, 1))
      .smoothness(Smoothness.C0)
      .saturation(Saturation.BOTH)
      .properties(Property.MONOTONIC)
      .kinks(Kink.corner(-1, 0, "gradient only strictly inside (-1, 1), as hardsigmoid/hardtanh in PyTorch"),
          Kink.corner(1, 0, "gradient only strictly inside (-1, 1), as hardsigmoid/hardtanh in PyTorch"))
      .plot(-3, 3)
      .notes("The sparsemax of the pair (x, 0): a sigmoid-shaped probability that reaches exactly 0 and 1, useful "
          + "for sparse gates and sparse attention. The gradient is exactly zero outside (-1, 1), so saturated "
          + "units stop learning. Not zero-centred (mean 0.5). Cheaper than the sigmoid: no exp.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    if (x <= -1) {
      return 0.0;
    }
    return x >= 1 ? 1.0 : (x + 1) / 2; // NaN falls through to NaN
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return x > -1 && x < 1 ? 0.5 : x == x ? 0.0 : x;
  }
}
