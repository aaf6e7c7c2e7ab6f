package org.actlab.core.activation.fn;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.actlab.core.kernel.ParamBlock;

/**
 * Randomised leaky ReLU: {@code x} for x &gt; 0, {@code a·x} otherwise, with {@code a ~ U(lower, upper)} drawn
 * per element in training and fixed to {@code (lower + upper)/2} in evaluation.
 *
 * <p>The methods here are the evaluation mode, a leaky relu with slope {@code (lower + upper)/2} (also the
 * derivative at the kink x = 0, as PyTorch's autograd). Training mode is {@link #trainingBlock}: it draws the
 * slopes and hands them to the kernel, whose forward and backward then use the same drawn slope per element.
 * Xu, Wang, Chen &amp; Li (2015).
 *
 * <p>The random slope acts as a regulariser against overfitting on small data sets; no dying units.
 */
public final class Rrelu implements Activation {

  private static final Spec SPEC = Spec.builder("rrelu")
      .name("RReLU")
      .family(Family.RELU)
      .formula("\\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}, \\quad a \\sim U(l, u) "
          + "\\text{ (training)}, \\; a = \\frac{l + u}{2} \\text{ (evaluation)}")
      .derivative("\\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}")
      .reference("B. Xu, N. Wang, T. Chen, M. Li, Empirical Evaluation of Rectified Activations in "
          + "Convolutional Network, ICML Deep Learning Workshop 2015")
      .param(Param.of("lower", 1.0 / 8, "lower bound of the uniform slope distribution"))
      .param(Param.of("upper", 1.0 / 3, "upper bound of the uniform slope distribution"))
      .range(Range.REAL)
      .smoothness(Smoothness.C0)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ZERO_AT_ZERO)
      .kinks(p -> List.of(Kink.corner(0, slope(p),
          "PyTorch autograd: rrelu'(0) = (lower + upper)/2 in eval mode, the drawn slope in training")))
      .plot(-4, 4)
      .notes("Leaky relu whose negative slope is drawn from U(lower, upper) for every element in training and "
          + "fixed to the mean (lower + upper)/2 at inference. The noise regularises (Xu et al. found less "
          + "overfitting than leaky_relu on small data sets) and no unit dies. Training needs the kernel path "
          + "with Rrelu.trainingBlock; this entry alone is the evaluation mode.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return LeakyRelu.leaky(x, slope(p));
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return LeakyRelu.leakyDerivative(x, slope(p));
  }

  @Override
  public void validate(double[] p) {
    if (!(p[0] <= p[1])) {
      throw new IllegalArgumentException("rrelu: lower (" + p[0] + ") must be less than or equal to upper ("
          + p[1] + "); PyTorch: 'Lower bound should be less than or equal to the upper bound'");
    }
  }

  /**
   * Training mode: draws one slope per element from {@code U(lower, upper)} and returns the block that makes a
   * kernel use it, forward and backward: one "channel" per element ({@code channels = n, inner = 1}), each with
   * {@code lower = upper =} the drawn slope, so the evaluation formula reproduces it exactly.
   *
   * @param n     elements in the kernel call (counted from its offset)
   * @param lower lower bound, as the {@code lower} parameter
   * @param upper upper bound, at least {@code lower}
   * @param rng   the caller's generator; the same seed gives the same slopes
   * @throws IllegalArgumentException if {@code n < 0} or the bounds are not finite with lower &lt;= upper
   */
  public static ParamBlock trainingBlock(int n, double lower, double upper, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    double[] p = {lower, upper};
    for (int k = 0; k < p.length; k++) {
      SPEC.params().get(k).require(SPEC.id(), p[k]);
    }
    new Rrelu().validate(p);
    if (n < 0) {
      throw new IllegalArgumentException("rrelu: element count must be >= 0, got " + n);
    }
    if (n == 0) {
      return ParamBlock.shared(p); // nothing to draw; the block only has to exist
    }
    double[] values = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double a = lower < upper ? rng.nextDouble(lower, upper) : lower;
      values[2 * i] = a;
      values[2 * i + 1] = a;
    }
    return ParamBlock.perChannel(values, 2, n, 1);
  }

  /** {@code (lower + upper)/2} without overflow; exactly {@code lower} when the bounds are equal (training). */
  private static double slope(double[] p) {
    return p[0] == p[1] ? p[0] : 0.5 * p[0] + 0.5 * p[1];
  }
}
