package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VErf;
import org.actlab.core.kernel.simd.VMath;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * serf lane-wise, mirroring {@link org.actlab.core.activation.fn.Serf}: {@code x·erf(softplus(x))} with the stable
 * softplus and {@link VErf#erf}; below x = −40 the results are (2/√π)·x·eˣ and (2/√π)·(1+x)·eˣ rounded once
 * (split as (a·h)·h below −700); for x ≤ 0 the derivative is the reference's compensated sum (two-sum of 1 + eˣ,
 * fma remainders of every product). Double lanes: erf is a double algorithm.
 */
public final class SerfForm implements VectorForm {

  private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17;

  @Override
  public String id() {
    return "serf";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector xm = x.max(-40.0); // +∞ stays: softplus(+∞) = +∞, erf = 1
    DoubleVector y = x.mul(VErf.erf(softplus(xm)));
    VectorMask<Double> far = x.compare(LT, -40.0);
    if (far.anyTrue()) {
      y = y.blend(timesExp(x.max(-1e4).mul(TWO_OVER_SQRT_PI), x), far);
    }
    return y;
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.serf(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector xm = x.max(-40.0).min(40.0);
    DoubleVector sp = softplus(xm);
    DoubleVector erf = VErf.erf(sp);
    DoubleVector g = sp.mul(sp).neg().lanewise(EXP);
    DoubleVector pos = erf.add(xm.mul(TWO_OVER_SQRT_PI).mul(g).mul(VMath.sigmoid(xm)));
    // x <= 0: the terms cancel near the root x = -1.1931; every product keeps its rounding error
    DoubleVector xn = xm.min(0.0);
    DoubleVector e = xn.lanewise(EXP);
    DoubleVector d = e.add(1.0);
    DoubleVector dErr = d.neg().add(1.0).add(e);
    DoubleVector s = e.div(d);
    DoubleVector sLo = s.neg().fma(d, e).sub(s.mul(dErr)).div(d);
    DoubleVector p1 = xn.mul(TWO_OVER_SQRT_PI);
    DoubleVector p1e = xn.fma(xn.broadcast(TWO_OVER_SQRT_PI), p1.neg()).add(xn.mul(TWO_OVER_SQRT_PI_LO));
    DoubleVector p2 = p1.mul(g);
    DoubleVector p2e = p1.fma(g, p2.neg()).add(p1e.mul(g));
    DoubleVector p3 = p2.mul(s);
    DoubleVector p3e = p2.fma(s, p3.neg()).add(p2e.mul(s)).add(p2.mul(sLo));
    DoubleVector neg = erf.add(p3).add(p3e);
    DoubleVector r = neg.blend(pos, x.compare(GT, 0.0)).blend(1.0, x.compare(GT, 40.0));
    VectorMask<Double> far = x.compare(LT, -40.0);
    if (far.anyTrue()) {
      r = r.blend(timesExp(x.max(-1e4).add(1.0).mul(TWO_OVER_SQRT_PI), x), far);
    }
    return r;
  }

  /** {@code max(x,0) + log1p(e^{−|x|})}. */
  private static DoubleVector softplus(DoubleVector x) {
    return x.max(0.0).add(x.abs().neg().lanewise(EXP).lanewise(LOG1P));
  }

  /** {@code a·e^t} (t &lt; −40) rounded once: {@code (a·h)·h, h = e^{t/2}} below −700; −∞ gives −0.0. */
  private static DoubleVector timesExp(DoubleVector a, DoubleVector t) {
    DoubleVector tc = t.max(-2e4);
    DoubleVector h = tc.mul(0.5).lanewise(EXP);
    return a.mul(tc.lanewise(EXP)).blend(a.mul(h).mul(h), tc.compare(LT, -700.0));
  }
}
