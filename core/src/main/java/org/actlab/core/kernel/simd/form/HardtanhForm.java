package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * hardtanh lane-wise: {@code x < min_val ? min_val : x > max_val ? max_val : x}, NaN kept; derivative 1 only
 * strictly inside (PyTorch). Exact in float lanes: comparisons against {@link VPiecewise#below}/{@link
 * VPiecewise#above} of the bounds decide as in double, and the clipped values are the bounds rounded once.
 */
public final class HardtanhForm implements VectorForm {

  @Override
  public String id() {
    return "hardtanh";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.blend(p[1], x.compare(GT, p[1])).blend(p[0], x.compare(LT, p[0]));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, p[0]).and(x.compare(LT, p[1])), 1.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.blend((float) p[1], x.compare(GT, VPiecewise.below(p[1])))
        .blend((float) p[0], x.compare(LT, VPiecewise.above(p[0])));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x,
        x.compare(GT, VPiecewise.below(p[0])).and(x.compare(LT, VPiecewise.above(p[1]))), 1f);
  }
}
