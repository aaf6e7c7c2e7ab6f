package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * mish lane-wise, the reference's cancellation-free forms with the one exponential {@code e = e^{−|x|}}:
 * tanh(softplus x) = {@code a/(a + 2e²)}, {@code a = 1 + 2e} for x &gt; 0, {@code n/(n+2)}, {@code n = e(e+2)}
 * for x ≤ 0 (which is eˣ to double precision below −40); f' = {@code (1+2e)/b + x·w²/(1+e)} for x &gt; 0,
 * {@code n/d + x·(4(n+1)/d²)·e/(1+e)} on (−0.5, 0], {@code e(4(1+x) + e(6 + 4x + e(4+e)))/d²} below (1 + x exact
 * near the root −1.1924: the root-window blend goes here); {@code (x·h)·h} tails. No float lanes: the same
 * branches in float reach 5 ULP in f' on [−0.7, −0.5] and far more near the root (the float eˣ's rounding is
 * amplified by the cancellation), and f itself reaches 4 ULP; float arrays are widened to double lanes.
 */
public final class MishForm implements VectorForm {

  @Override
  public String id() {
    return "mish";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector e = VExp.expNegAbs(x);
    DoubleVector a = e.fma(2.0, 1.0);
    DoubleVector pos = a.div(a.add(e.mul(e).mul(2.0)));
    DoubleVector n = e.mul(e.add(2.0));
    DoubleVector y = x.mul(n.div(n.add(2.0)).blend(pos, x.compare(GT, 0)));
    return VExp.tail(y, x, x, x.broadcast(-0.0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.mish(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector e = VExp.expNegAbs(x);
    DoubleVector e1 = e.add(1.0);
    DoubleVector b = e.fma(2.0, 1.0).add(e.mul(e).mul(2.0));
    DoubleVector w = e.mul(2.0).mul(e1).div(b);
    DoubleVector pos = e.fma(2.0, 1.0).div(b).add(x.mul(w.mul(w)).div(e1))
        .blend(1.0, x.eq(Double.POSITIVE_INFINITY));
    DoubleVector n = e.mul(e.add(2.0));
    DoubleVector d = n.add(2.0);
    DoubleVector d2 = d.mul(d);
    DoubleVector mid = n.div(d).add(x.mul(n.add(1.0).mul(4.0).div(d2)).mul(e.div(e1)));
    DoubleVector low = e.mul(x.add(1.0).mul(4.0).add(e.mul(x.fma(4.0, 6.0).add(e.mul(e.add(4.0)))))).div(d2);
    DoubleVector r = low.blend(mid, x.compare(GT, -0.5)).blend(pos, x.compare(GT, 0));
    return VExp.tail(r, x, x.add(1.0), x.broadcast(-0.0));
  }
}
