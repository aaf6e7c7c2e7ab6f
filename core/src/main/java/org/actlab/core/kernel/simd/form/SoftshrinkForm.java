package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VPiecewise;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * softshrink lane-wise: {@code x − lambd} above lambd, {@code x + lambd} below −lambd, 0 between, NaN kept
 * (unlike PyTorch). Float lanes subtract lambd split into two floats and given x's sign ({@link
 * VPiecewise#minusSigned}): exact for the default 0.5, within about one float ULP otherwise, including the
 * cancellation next to ±lambd.
 */
public final class SoftshrinkForm implements VectorForm {

  @Override
  public String id() {
    return "softshrink";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    VectorMask<Double> lo = x.compare(LT, -p[0]);
    return x.sub(p[0]).blend(x.add(p[0]), lo).blend(0.0, x.abs().compare(LE, p[0])); // false for NaN: kept
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
    return VPiecewise.minusSigned(x, p[0]).blend(0f, x.abs().compare(LE, l)); // false for NaN: kept
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    float l = VPiecewise.below(p[0]);
    return VPiecewise.gate(x, x.compare(GT, l).or(x.compare(LT, -l)), 1f);
  }
}
