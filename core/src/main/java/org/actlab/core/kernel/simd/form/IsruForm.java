package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.SQRT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * isru lane-wise, the reference's form: {@code q = (αx)x}, {@code d = 1 + q}, {@code y = x/√d} corrected to first
 * order by the double-double tail of {@code 1 + αx²} ({@code (d+lo)^{−1/2} = d^{−1/2}(1 − lo/(2d))}), sign copied
 * from x, ±1/√α where q overflows; f' = {@code d^{−3/2}(1 − 3lo/(2d))}, 0 where q overflows. Double lanes; float
 * inputs take {@link #fWidened} and {@link #dfdxWidened}, without the correction, which is far below a float's
 * rounding.
 */
public final class IsruForm implements VectorForm {

  @Override
  public String id() {
    return "isru";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector ax = x.mul(a);
    DoubleVector q = ax.mul(x);
    DoubleVector d = q.add(1.0);
    DoubleVector y = x.div(d.lanewise(SQRT));
    DoubleVector v = y.sub(y.mul(tail(a, x, ax, q, d).mul(0.5).div(d)));
    return VExp.copySign(v.blend(1 / Math.sqrt(a), overflow(q)), x);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector ax = x.mul(a);
    DoubleVector q = ax.mul(x);
    DoubleVector d = q.add(1.0);
    DoubleVector r = d.broadcast(1.0).div(d).div(d.lanewise(SQRT));
    return r.sub(r.mul(tail(a, x, ax, q, d).mul(1.5).div(d))).blend(0.0, overflow(q));
  }

  /** f for a float x in double lanes: {@code x/√(1 + αx²)}, x² exact; ±1/√α where αx² overflows. */
  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector q = x.mul(x).mul(a);
    DoubleVector y = x.div(q.add(1.0).lanewise(SQRT));
    return y.blend(VExp.copySign(x.broadcast(1 / Math.sqrt(a)), x), overflow(q));
  }

  /** f' for a float x in double lanes: {@code (1 + αx²)^{−3/2}}, 0 where αx² overflows. */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector d = x.mul(x).mul(p[0]).add(1.0);
    DoubleVector r = d.lanewise(SQRT).mul(d);
    return r.broadcast(1.0).div(r);
  }

  private static VectorMask<Double> overflow(DoubleVector q) {
    return q.eq(Double.POSITIVE_INFINITY);
  }

  /** {@code lo} with {@code 1 + αx² = d + lo} to double-double accuracy (the reference's two-sum and fma). */
  private static DoubleVector tail(double a, DoubleVector x, DoubleVector ax, DoubleVector q, DoubleVector d) {
    DoubleVector productError = ax.fma(x, q.neg()).add(x.fma(ax.broadcast(a), ax.neg()).mul(x));
    DoubleVector b = d.sub(q);
    return b.neg().add(1.0).add(q.sub(d.sub(b))).add(productError);
  }
}
