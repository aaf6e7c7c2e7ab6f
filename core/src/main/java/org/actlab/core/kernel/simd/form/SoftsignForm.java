package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * softsign lane-wise, the reference's form: {@code y = x/d}, {@code d = 1 + |x|}, corrected by the exact remainder
 * {@code x − y·(1+|x|)} (fma plus the two-sum low part of d), sign copied from x (keeps −0.0), ±1 at ±∞;
 * f' = {@code r² + 2r(r·c)}, {@code r = 1/d} with the same first-order corrections, 0 at ±∞. Double lanes only.
 */
public final class SoftsignForm implements VectorForm {

  @Override
  public String id() {
    return "softsign";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector a = x.abs();
    DoubleVector d = a.add(1.0);
    DoubleVector y = x.div(d);
    DoubleVector rem = y.neg().fma(d, x).sub(y.mul(lowPart(a, d)));
    DoubleVector v = y.add(rem.div(d)).blend(1.0, a.eq(Double.POSITIVE_INFINITY));
    return VExp.copySign(v, x);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector a = x.abs();
    DoubleVector d = a.add(1.0);
    DoubleVector r = d.broadcast(1.0).div(d);
    DoubleVector c = r.neg().fma(d, r.broadcast(1.0)).sub(r.mul(lowPart(a, d)));
    return r.mul(r).add(r.mul(2.0).mul(r.mul(c))).blend(r, a.eq(Double.POSITIVE_INFINITY));
  }

  /** The rounding error of {@code d = 1 + a} (two-sum): {@code 1 + a = d + lowPart} exactly. */
  private static DoubleVector lowPart(DoubleVector a, DoubleVector d) {
    DoubleVector b = d.sub(a);
    return b.neg().add(1.0).add(a.sub(d.sub(b)));
  }
}
