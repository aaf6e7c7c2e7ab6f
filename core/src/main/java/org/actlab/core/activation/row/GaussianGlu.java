package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Gaussian-gated linear unit: the row splits into halves {@code a, b} and
 * {@code y = a ⊗ exp(−½((b − mean)/std)²)}.
 *
 * <p>Backward {@code dx_a = dy ⊗ g(b)}, {@code dx_b = −dy ⊗ a ⊗ ((b − mean)/std²) ⊗ g(b)} with {@code g} the
 * Gaussian gate ({@link GaussianGate}). From the lecture notes' slide on activations for generative models; the
 * slide's code computes the gate from the <em>first</em> half and applies it to the second, while we keep the
 * GLU family convention (value first, gate second): swap the halves to reproduce the slide.
 *
 * <p>A gating layer: a unit is open only while its gate input stays near {@code mean}, a band-pass on b.
 */
public final class GaussianGlu extends GatedUnit {

  private static final Activation GATE = new GaussianGate();

  private static final Spec SPEC = Spec.builder("gaussian_glu")
      .name("Gaussian GLU")
      .family(Family.GLU)
      .formula("a \\otimes e^{-\\frac{1}{2}\\left(\\frac{b - \\mu}{s}\\right)^2}, \\quad x = [a; b]")
      .derivative("\\frac{\\partial y_i}{\\partial a_i} = g(b_i), \\quad "
          + "\\frac{\\partial y_i}{\\partial b_i} = -a_i\\,\\frac{b_i - \\mu}{s^2}\\,g(b_i), \\quad "
          + "g(b) = e^{-\\frac{1}{2}\\left(\\frac{b - \\mu}{s}\\right)^2}")
      .reference("The lecture notes' slide 'Activation Functions for Generative Models' (gaussian_glu), in the GLU "
          + "form of Y. Dauphin et al., Language Modeling with Gated Convolutional Networks, ICML 2017")
      .param(GaussianGate.SPEC.params().get(0))
      .param(GaussianGate.SPEC.params().get(1))
      .range(Range.REAL)
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.BOTH)
      .plot(-5, 5)
      .notes("Gating function over the last axis, from the notes' generative-model slide: the first half a "
          + "times a Gaussian bump of the second half b, so the output is half as wide (odd lengths are "
          + "rejected). The slide computes the gate from the first half; we keep the GLU family convention "
          + "(a = first half is the value, b = second half the gate), so swap the halves to reproduce it. "
          + "Saturation refers to the gate input: away from mean on either side the gate closes and all "
          + "gradients vanish, so keep gate inputs normalised (std sets the width).")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  Activation gate() {
    return GATE;
  }
}
