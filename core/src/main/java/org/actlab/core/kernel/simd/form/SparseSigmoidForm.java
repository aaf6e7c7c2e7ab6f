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
 * sparse_sigmoid lane-wise: 0 for x ≤ −1, 1 for x ≥ 1, {@code (x + 1)/2} between (NaN falls through); derivative
 * 1/2 strictly inside. Float lanes round {@code x + 1} once and halve exactly: correctly rounded.
 */
public final class SparseSigmoidForm implements VectorForm {

  @Override
  public String id() {
    return "sparse_sigmoid";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.add(1.0).mul(0.5).blend(0.0, x.compare(LE, -1)).blend(1.0, x.compare(GE, 1));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, -1).and(x.compare(LT, 1)), 0.5);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.add(1f).mul(0.5f).blend(0f, x.compare(LE, -1f)).blend(1f, x.compare(GE, 1f));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VPiecewise.gate(x, x.compare(GT, -1f).and(x.compare(LT, 1f)), 0.5f);
  }
}
