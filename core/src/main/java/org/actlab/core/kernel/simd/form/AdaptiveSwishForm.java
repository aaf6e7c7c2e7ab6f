package org.actlab.core.kernel.simd.form;


import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * adaptive_swish lane-wise: {@code α·swish(x; β)} through {@link SwishForm}'s gate (the reference's
 * {@code α = 0} gives 0, NaN kept); f' = {@code α·swish'(x; β)}. Float lanes at α = 1 are swish's (silu's at
 * β = 1); any other α goes through double lanes and is rounded once.
 */
public final class AdaptiveSwishForm implements VectorForm {

  @Override
  public String id() {
    return "adaptive_swish";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector y = SwishForm.value(x, p[1]);
    return p[0] == 0 ? y.broadcast(0.0).blend(y, VExp.isNaN(y)) : y.mul(p[0]);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.adaptiveSwish(x, p, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    return SwishForm.slope(x, p[1]).mul(p[0]);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    if (p[0] == 1) {
      return SwishForm.floatValue(x, p[1]);
    }
    return VExp.join(f(VExp.half(x, 0), p), f(VExp.half(x, 1), p));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    if (p[0] == 1) {
      return SwishForm.floatSlope(x, p[1]);
    }
    return VExp.join(dfdx(VExp.half(x, 0), p), dfdx(VExp.half(x, 1), p));
  }
}
