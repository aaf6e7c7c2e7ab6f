package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VMath;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * sigmoid lane-wise. Double lanes: f by {@link VExp#sigmoidExpOnly}, the reference's sign branch moved into the
 * exponent so that x is not alive across the vector-math call ({@link VMath#sigmoid}'s blend after it kept x
 * there); f' = {@code e/(1+e)²}, e = e^{−|x|}, which needs only e after the call. Float lanes: {@link VExp#sigmoidFloat}
 * (the same sign branch with the inline exp) and {@link VExp#sigmoidSlope} with the inline
 * {@link VExp#expNonPositive} (no vector-math call: 1250 → 2200-2500 Melem/s backward); within 2.5 ULP
 * of the rounded reference over the float sweep (SimdFloatSweepTest).
 */
public final class SigmoidForm implements VectorForm {

  @Override
  public String id() {
    return "sigmoid";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VExp.sigmoidExpOnly(x, Double.POSITIVE_INFINITY);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VMath.sigmoidDerivative(x);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VExp.sigmoidFloat(x);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.sigmoidSlope(VExp.expNonPositive(x.abs().neg()));
  }
}
