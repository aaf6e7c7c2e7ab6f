package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * quadratic_softplus lane-wise, the reference's branches: {@code (αx)x} for x &gt; 0 (0 when α = 0, avoiding
 * 0·∞), else {@code β·softplus(x)} in the stable form {@code max(x,0) + log1p(e^{−|x|})}; f' = {@code 2αx} or
 * {@code β·σ(x)}. One exp and one log1p per element. Double lanes only.
 */
public final class QuadraticSoftplusForm implements VectorForm {

  @Override
  public String id() {
    return "quadratic_softplus";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector quad = p[0] == 0 ? x.broadcast(0.0) : x.mul(p[0]).mul(x);
    return VExp.softplus(x, VExp.expNegAbs(x)).mul(p[1]).blend(quad, x.compare(GT, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector lin = p[0] == 0 ? x.broadcast(0.0) : x.mul(2 * p[0]);
    return VExp.sigmoid(x, VExp.expNegAbs(x)).mul(p[1]).blend(lin, x.compare(GT, 0));
  }
}
