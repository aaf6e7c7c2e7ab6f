package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * squared_relu lane-wise: {@code x > 0 ? x·x : 0}, NaN kept; derivative {@code 2x} or 0. Exact in float lanes:
 * one rounded product, as the scalar path's exact double square rounded once.
 */
public final class SquaredReluForm implements VectorForm {

  @Override
  public String id() {
    return "squared_relu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VPiecewise.keep(x.mul(x), x.compare(GT, 0), 0.0);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.keep(x.add(x), x.compare(GT, 0), 0.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VPiecewise.keep(x.mul(x), x.compare(GT, 0f), 0f);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.keep(x.add(x), x.compare(GT, 0f), 0f);
  }
}
