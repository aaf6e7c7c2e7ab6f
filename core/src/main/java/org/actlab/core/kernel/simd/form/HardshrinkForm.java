package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * hardshrink lane-wise: {@code |x| > lambd ? x : 0}, NaN kept; derivative 1 outside [−lambd, lambd], 0 at ±lambd.
 * Exact in float lanes ({@code x < −lambd ⇔ x < −below(lambd)} for float x).
 */
public final class HardshrinkForm implements VectorForm {

  @Override
  public String id() {
    return "hardshrink";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.blend(0.0, x.abs().compare(LE, p[0])); // |x| <= lambd is false for NaN: kept
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, p[0]).or(x.compare(LT, -p[0])), 1.0);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    float l = VPiecewise.below(p[0]);
    return x.blend(0f, x.abs().compare(LE, l));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    float l = VPiecewise.below(p[0]);
    return VPiecewise.gate(x, x.compare(GT, l).or(x.compare(LT, -l)), 1f);
  }
}
