package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * thresholded_relu lane-wise: {@code x > theta ? x : 0}, NaN kept; derivative 1 for x &gt; theta, else 0.
 * Exact in float lanes (the comparison against {@link VPiecewise#below}{@code (theta)}).
 */
public final class ThresholdedReluForm implements VectorForm {

  @Override
  public String id() {
    return "thresholded_relu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VPiecewise.keep(x, x.compare(GT, p[0]), 0.0);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, p[0]), 1.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.blend(0f, x.compare(LE, VPiecewise.below(p[0]))); // false for NaN: kept
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, VPiecewise.below(p[0])), 1f);
  }
}
