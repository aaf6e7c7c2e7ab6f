package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * quick_gelu lane-wise, the reference's form: {@code x·σ(t + err)} with {@code t = 1.702x} and
 * {@code err = fma(K, x, −t) + K_LO·x} (1.702 as the double-double K + K_LO), through {@link VExp#gate} and
 * {@link VExp#gateSlope}. Double lanes only.
 */
public final class QuickGeluForm implements VectorForm {

  private static final double K = 1.702;
  private static final double K_LO = 4.263256414560601e-17; // 1.702 − K (QuickGelu.K_LO)

  @Override
  public String id() {
    return "quick_gelu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(K);
    return VExp.gate(x, t, x.fma(x.broadcast(K), t.neg()).add(x.mul(K_LO)));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.quickGelu(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(K);
    return VExp.gateSlope(t, x.fma(x.broadcast(K), t.neg()).add(x.mul(K_LO)));
  }
}
