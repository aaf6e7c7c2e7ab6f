package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VMath;
import org.actlab.core.kernel.simd.VectorForm;

/** sigmoid lane-wise, the reference's stable form ({@link VMath#sigmoid}); float arrays use double lanes. */
public final class SigmoidForm implements VectorForm {

  @Override
  public String id() {
    return "sigmoid";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VMath.sigmoid(x);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, DoubleVector y, double[] p) {
    return VMath.sigmoidDerivative(x);
  }
}
