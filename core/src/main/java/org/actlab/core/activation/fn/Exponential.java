package org.actlab.core.activation.fn;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * The exponential {@code e^x}, as Keras' {@code exponential} activation.
 *
 * <p>Derivative {@code e^x}. No paper: the defining source is Keras ({@code keras.activations.exponential}).
 * Overflows to +∞ for x above about 709.78 and underflows to 0 below about −745.13, which is the correctly
 * rounded result in both cases.
 *
 * <p>An output activation for strictly positive quantities (Poisson rates, scales, variances). Dangerous in hidden
 * layers: the gradient grows with the output, so activations and gradients explode. Softplus is the safer
 * positive output when large inputs are possible.
 */
public final class Exponential implements Activation {

  private static final Spec SPEC = Spec.builder("exponential")
      .name("Exponential")
      .family(Family.SMOOTH)
      .formula("e^{x}")
      .derivative("e^{x}")
      .reference("Keras keras.activations.exponential")
      .range(Range.above(0))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.NEGATIVE)
      .properties(Property.MONOTONIC)
      .plot(-4, 3)
      .notes("Maps to strictly positive outputs: an output layer for rates or variances (e.g. a Poisson mean). "
          + "In hidden layers it explodes: output and gradient grow exponentially, so a few large inputs blow up "
          + "training; the gradient also vanishes for very negative inputs. Prefer softplus for positive outputs "
          + "that must tolerate large inputs.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public double f(double x, double[] p) {
    return Math.exp(x);
  }

  @Override
  public double dfdx(double x, double y, double[] p) {
    return Math.exp(x);
  }
}
