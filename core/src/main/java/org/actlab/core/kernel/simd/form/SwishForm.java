package org.actlab.core.kernel.simd.form;


import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * swish lane-wise, the reference's form: {@code x·σ(t + err)}, {@code t = βx}, {@code err = fma(β, x, −t)} (the
 * gate amplifies the product's rounding by up to |t|), through {@link VExp#gate}/{@link VExp#gateSlope}; β = 0 is
 * x/2 with slope 1/2. Double lanes only (the parameter gradient takes the scalar path).
 */
public final class SwishForm implements VectorForm {

  @Override
  public String id() {
    return "swish";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return value(x, p[0]);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, DoubleVector y, double[] p) {
    return slope(x, p[0]);
  }

  /** {@code x·σ(βx)} (Swish.value). */
  static DoubleVector value(DoubleVector x, double beta) {
    if (beta == 0) {
      return x.mul(0.5);
    }
    DoubleVector t = x.mul(beta);
    return VExp.gate(x, t, beta == 1 ? null : x.fma(x.broadcast(beta), t.neg()));
  }

  /** {@code d/dx [x·σ(βx)]} (Swish.slope). */
  static DoubleVector slope(DoubleVector x, double beta) {
    if (beta == 0) {
      return x.broadcast(0.5).blend(x, VExp.isNaN(x));
    }
    DoubleVector t = x.mul(beta);
    return VExp.gateSlope(t, beta == 1 ? null : x.fma(x.broadcast(beta), t.neg()));
  }
}
