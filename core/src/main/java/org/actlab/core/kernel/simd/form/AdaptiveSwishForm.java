package org.actlab.core.kernel.simd.form;


import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * adaptive_swish lane-wise: {@code α·swish(x; β)} through {@link SwishForm}'s gate (the reference's
 * {@code α = 0} gives 0, NaN kept); f' = {@code α·swish'(x; β)}. Double lanes only.
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
  public DoubleVector dfdx(DoubleVector x, DoubleVector y, double[] p) {
    return SwishForm.slope(x, p[1]).mul(p[0]);
  }
}
