package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * exponential lane-wise: eˣ and f' = eˣ with the vector exp. Float lanes: the float exp is within 1 ULP of the
 * correctly rounded float, including overflow to +∞ and the subnormal tail (SimdFloatSweepTest).
 */
public final class ExponentialForm implements VectorForm {

  @Override
  public String id() {
    return "exponential";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.lanewise(EXP);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return x.lanewise(EXP);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.lanewise(EXP);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return x.lanewise(EXP);
  }
}
