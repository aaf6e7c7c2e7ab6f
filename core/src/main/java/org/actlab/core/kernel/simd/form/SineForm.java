package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.IS_FINITE;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * sine lane-wise, mirroring {@link org.actlab.core.activation.fn.Sine}: {@code sin(t + err)} by the angle-sum
 * formula, t = w0·x rounded, err its exact remainder (fma; 0 where t is not finite). Double lanes.
 */
public final class SineForm implements VectorForm {

  @Override
  public String id() {
    return "sine";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(p[0]);
    DoubleVector err = productError(x, p[0], t);
    DoubleVector[] ce = cosSinOfError(err);
    return t.lanewise(SIN).mul(ce[0]).add(t.lanewise(COS).mul(ce[1]));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(p[0]);
    DoubleVector err = productError(x, p[0], t);
    DoubleVector[] ce = cosSinOfError(err);
    return t.lanewise(COS).mul(ce[0]).sub(t.lanewise(SIN).mul(ce[1])).mul(p[0]);
  }

  /** {@code fma(x, a, −t)}, 0 where t is not finite (Sine.productError). */
  static DoubleVector productError(DoubleVector x, double a, DoubleVector t) {
    return x.fma(x.broadcast(a), t.neg()).blend(0.0, t.test(IS_FINITE).not());
  }

  /**
   * {@code {cos err, sin err}}: exact to double by Taylor terms where |err| &lt; 2⁻²⁰ (every lane whose product
   * is below about 2³³), by the library sine and cosine in a lane that needs them (per lane, so a result does not
   * depend on its neighbours).
   */
  static DoubleVector[] cosSinOfError(DoubleVector err) {
    DoubleVector e2 = err.mul(err);
    DoubleVector c = e2.mul(-0.5).add(1.0);
    DoubleVector s = err.sub(err.mul(e2).mul(1.0 / 6));
    var big = err.abs().compare(GE, 0x1p-20);
    if (big.anyTrue()) {
      c = c.blend(err.lanewise(COS), big);
      s = s.blend(err.lanewise(SIN), big);
    }
    return new DoubleVector[] {c, s};
  }
}
