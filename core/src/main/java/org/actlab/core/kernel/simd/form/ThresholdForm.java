package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * threshold lane-wise: {@code x > threshold ? x : value}, NaN kept; derivative 1 only for x > threshold. Exact
 * in float lanes: the comparison uses {@link VPiecewise#below} (the same decision as comparing in double) and
 * {@code value} is rounded once, as the scalar path rounds it.
 */
public final class ThresholdForm implements VectorForm {

  @Override
  public String id() {
    return "threshold";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VPiecewise.keep(x, x.compare(GT, p[0]), p[1]);
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
    // x <= below(t) is x <= t for every float x, and false for NaN (kept): one comparison, one blend
    return x.blend((float) p[1], x.compare(LE, VPiecewise.below(p[0])));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, VPiecewise.below(p[0])), 1f);
  }
}
