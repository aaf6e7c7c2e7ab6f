package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VSoftplusFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * logsigmoid lane-wise, the reference's stable form {@code min(x,0) − log1p(e^{−|x|})} (−∞ at −∞, no overflow);
 * f' = σ(−x) by sign. Float lanes: {@code −softplus(−x)} ({@link VSoftplusFloat}: inline exp, tabulated log1p)
 * and σ(−x) by {@link VExp#sigmoidFloat} (inline exp); within the 4 ULP bound over the float sweep
 * (SimdFloatSweepTest).
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
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VExp.sigmoidExpOnly(x.neg(), Double.POSITIVE_INFINITY); // σ(−x)
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VSoftplusFloat.softplus(x.neg()).neg(); // −ln(1 + e^{−x})
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.sigmoidFloat(x.neg());
  }
}
