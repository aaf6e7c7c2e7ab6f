package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/** identity lane-wise: {@code x}, derivative 1 (NaN for NaN). Exact in float lanes. */
public final class IdentityForm implements VectorForm {

  @Override
  public String id() {
    return "identity";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x;
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.eq(x), 1.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x;
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x, x.eq(x), 1f);
  }
}
