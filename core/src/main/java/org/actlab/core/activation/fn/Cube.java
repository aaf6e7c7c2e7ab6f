package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * The cube {@code x³}.
 *
 * <p>Derivative {@code 3x²}. Chen &amp; Manning (2014) used it in their neural dependency parser, where the cube
 * of a weighted sum models products of three input features; Deeplearning4j ships it as {@code cube}.
 *
 * <p>Only for shallow networks that want explicit feature interactions. In deep stacks it is unstable: outputs
 * grow as the cube of the input (exploding activations and gradients), and the gradient vanishes near 0.
 * Odd and zero-centred, unbounded, never saturating.
 */
public final class Cube implements Activation {

  private static final Spec SPEC = Spec.builder("cube")
      .name("Cube")
      .family(Family.CUSTOM)
      .formula("x^3")
      .derivative("3 x^2")
      .reference("D. Chen, C. Manning, A Fast and Accurate Dependency Parser using Neural Networks, EMNLP 2014; "
          + "Deeplearning4j ActivationCube")
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NONE)
      .properties(Property.MONOTONIC, Property.ODD, Property.ZERO_CENTRED, Property.ZERO_AT_ZERO)
      .plot(-2, 2)
      .notes("Models three-way products of input features in one layer (Chen & Manning's parser). Unsuitable "
          + "for deep networks: activations and gradients grow as x^3 and x^2 (explosion for |x| > 1, vanishing "
          + "near 0), so it needs careful initialisation and small inputs. Odd, zero-centred, unbounded.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return x * x * x;
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return 3 * (x * x);
  }
}
