package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * logsigmoid lane-wise, the reference's stable form {@code min(x,0) − log1p(e^{−|x|})} (−∞ at −∞, no overflow);
 * f' = σ(−x) by sign. Float lanes: the same form in float, one exp and one log1p within 1 ULP each plus two
 * roundings, within the 4 ULP bound (SimdFloatSweepTest).
 */
public final class LogsigmoidForm implements VectorForm {

  @Override
  public String id() {
    return "logsigmoid";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VExp.logSigmoid(x, VExp.expNegAbs(x));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, DoubleVector y, double[] p) {
    DoubleVector nx = x.neg();
    return VExp.sigmoid(nx, VExp.expNegAbs(x));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.min(0f).sub(VExp.expNegAbs(x).lanewise(jdk.incubator.vector.VectorOperators.LOG1P));
  }

  @Override
  public FloatVector dfdx(FloatVector x, FloatVector y, double[] p) {
    return VExp.sigmoid(x.neg(), VExp.expNegAbs(x));
  }
}
