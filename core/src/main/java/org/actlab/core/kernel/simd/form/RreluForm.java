package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * rrelu in evaluation mode lane-wise: leaky_relu with slope {@code (lower + upper)/2}. Training mode draws
 * one slope per element ({@code Rrelu.trainingBlock}, a per-element block) and takes the scalar path.
 * Double lanes repeat the reference's {@code slope·x}; float lanes multiply by the slope split into two floats
 * ({@link VPiecewise#times}), within one float ULP of the exact product, exact when the slope is a float.
 */
public final class RreluForm implements VectorForm {

  @Override
  public String id() {
    return "rrelu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VPiecewise.leaky(x, slope(p));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.leakyDerivative(x, slope(p));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VPiecewise.leaky(x, slope(p));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.leakyDerivative(x, slope(p));
  }

  /** The evaluation slope exactly as {@code Rrelu}: {@code (lower + upper)/2} without overflow. */
  private static double slope(double[] p) {
    return p[0] == p[1] ? p[0] : 0.5 * p[0] + 0.5 * p[1];
  }
}
