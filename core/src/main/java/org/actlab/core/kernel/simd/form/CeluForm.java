package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * celu lane-wise, mirroring the reference: {@code t = x/alpha} with the exact division remainder
 * {@code r = fma(−t, alpha, x)} applied to first order ({@code alpha·expm1(t) + r·eᵗ}, {@code eᵗ = expm1(t) + 1}),
 * skipped where r is 0 (keeps −0.0) or where t or expm1(t) is not finite (the limits). The negative branch sees
 * {@code min(x, 0)}. Double lanes only (float arrays are widened): not one of the speed-critical forms.
 */
public final class CeluForm implements VectorForm {

  @Override
  public String id() {
    return "celu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector xn = x.min(0.0);
    DoubleVector t = xn.div(a);
    DoubleVector r = t.neg().fma(t.broadcast(a), xn);
    DoubleVector e = t.lanewise(EXPM1);
    DoubleVector plain = e.mul(a);
    DoubleVector corrected = plain.add(r.mul(e.add(1.0)));
    return corrected.blend(plain, skip(r, e)).blend(x, x.compare(GT, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector xn = x.min(0.0);
    DoubleVector t = xn.div(a);
    DoubleVector r = t.neg().fma(t.broadcast(a), xn);
    DoubleVector e = t.lanewise(jdk.incubator.vector.VectorOperators.EXP);
    DoubleVector corrected = e.add(e.mul(r.div(a)));
    return corrected.blend(e, skip(r, e)).blend(1.0, x.compare(GT, 0));
  }

  /** Lanes where the reference makes no correction: r = 0, or r or the exponential not finite. */
  private static VectorMask<Double> skip(DoubleVector r, DoubleVector e) {
    return r.eq(0.0).or(VExp.notFinite(r)).or(VExp.notFinite(e));
  }
}
