package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * relu6 lane-wise: {@code x} clipped to [0, 6], +0.0 for x ≤ 0 (also −0.0), NaN kept; derivative 1 only on the
 * open interval (0, 6), as the reference and PyTorch's hardtanh_backward. Exact in float lanes.
 */
public final class Relu6Form implements VectorForm {

  @Override
  public String id() {
    return "relu6";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.blend(6.0, x.compare(GE, 6)).blend(0.0, x.compare(LE, 0)); // comparisons are false for NaN: kept
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, 0).and(x.compare(LT, 6)), 1.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.blend(6f, x.compare(GE, 6f)).blend(0f, x.compare(LE, 0f));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, 0f).and(x.compare(LT, 6f)), 1f);
  }
}
