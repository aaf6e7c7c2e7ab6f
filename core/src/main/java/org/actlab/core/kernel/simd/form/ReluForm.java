package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VectorForm;

/** relu lane-wise: {@code x > 0 ? x : 0}, NaN kept (a blend on {@code x <= 0}, which is false for NaN). */
public final class ReluForm implements VectorForm {

  @Override
  public String id() {
    return "relu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    // lanes with x <= 0 become +0.0; NaN lanes keep x (every comparison with NaN is false)
    return x.blend(0.0, x.compare(LE, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return x.broadcast(0.0).blend(1.0, x.compare(GT, 0)).blend(x, x.eq(x).not());
  }

  @Override
  public boolean floatLanes() {
    return true; // exact in float
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.blend(0f, x.compare(LE, 0)); // two instructions: this loop runs at memory speed
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return x.broadcast(0f).blend(1f, x.compare(GT, 0)).blend(x, x.eq(x).not());
  }
}
