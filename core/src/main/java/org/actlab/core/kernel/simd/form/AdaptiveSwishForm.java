package org.actlab.core.kernel.simd.form;


import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.RootSeriesForm;
import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;
import org.actlab.core.math.RootSeries;

/**
 * adaptive_swish lane-wise: {@code α·swish(x; β)} through {@link SwishForm}'s gate (the reference's
 * {@code α = 0} gives 0, NaN kept); f' = {@code α·swish'(x; β)}. At α = β = 1 silu's loops run it
 * ({@link #regime}); any other α and β go through double lanes, rounded once.
 */
public final class AdaptiveSwishForm implements RootSeriesForm {

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
  public VectorMask<Double> nearRoots(DoubleVector x, double[] p) {
    return VRoots.near(RootSeries.GATE, x.mul(p[1]));
  }

  @Override
  public DoubleVector dfdxNearRoots(DoubleVector x, double[] p) {
    DoubleVector v = x.mul(p[1]);
    return VRoots.at(RootSeries.GATE, v, x.fma(x.broadcast(p[1]), v.neg())).mul(p[0]);
  }

  /** f' by the stable form, accurate away from the roots of f' (the series takes the lanes next to them). */
  @Override
  public DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p) {
    return SwishForm.slope(x, p[1]).mul(p[0]);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  /** At α = β = 1 adaptive_swish is silu (the products with α = 1 are exact): its loops run it. */
  @Override
  public VectorForm regime(double[] p) {
    return p[0] == 1 && p[1] == 1 ? SwishForm.SILU : this;
  }

  /** Float lanes for other α and β ({@link #regime}): both halves through double lanes, rounded once. */
  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VExp.join(f(VExp.half(x, 0), p), f(VExp.half(x, 1), p));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.join(dfdx(VExp.half(x, 0), p), dfdx(VExp.half(x, 1), p));
  }
}
