package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * leaky_relu lane-wise: {@code x > 0 ? x : negative_slope·x}; the kink at 0 takes the slope (PyTorch).
 * Double lanes repeat the reference's {@code slope·x}; float lanes multiply by the slope split into two floats
 * ({@link VPiecewise#times}), within one float ULP of the exact product, exact when the slope is a float.
 */
public final class LeakyReluForm implements VectorForm {

  @Override
  public String id() {
    return "leaky_relu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VPiecewise.leaky(x, p[0]);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.leakyDerivative(x, p[0]);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VPiecewise.leaky(x, p[0]);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.leakyDerivative(x, p[0]);
  }
}
