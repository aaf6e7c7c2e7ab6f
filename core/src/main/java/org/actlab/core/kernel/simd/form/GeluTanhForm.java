package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VGauss;
import org.actlab.core.kernel.simd.VMath;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * gelu_tanh lane-wise, mirroring {@link org.actlab.core.activation.fn.GeluTanh}: {@code x·σ(v)} with
 * v = 2u = K(x + 0.044715x³) in double-double (fma two-products, two-sums, constants with their remainders) and
 * σ corrected to first order in the low part; f' without {@code 1 − tanh²}, its x &lt; 0 form
 * {@code e(1 + x·v' + e)/(1 + e)²} with {@code 1 + x·v'} as a two-sum. The e^v tails (v &lt; −40, rounded once
 * by the (a·h)·h split) are evaluated only when a lane needs them. Double lanes: the double-double argument is
 * what keeps the float32 results within 4 ULP as well.
 *
 * <p>Float arrays: {@link VGauss#geluTanh(DoubleVector)}, the plain {@code x/(1 + e^{−v})} in widened lanes (a float x
 * makes v accurate to 10⁻¹³ relative without double-double), and f' likewise (every float within 0.6 of the root
 * of f' checked: correctly rounded); the double-double path is too large a graph for C2 to inline. Float32 1M, one
 * thread, same run: forward 80 → 378, backward 46 → 285 Melem/s with both halves of a float vector per step;
 * 529 and 474 with one half per step through {@link #fWidened} and {@link #dfdxWidened} (half the graph; an
 * earlier run of the two-half form measured 307 and 266). SimdFloatSweepTest
 * holds the float results to 4 ULP.
 */
public final class GeluTanhForm implements VectorForm {

  private static final double K = 1.5957691216057308;
  private static final double K_LO = -9.96930880911092e-17;
  private static final double C = 0.044715;
  private static final double C_LO = 2.1960211427085595e-18;
  private static final double C3 = 0.134145;
  private static final double C3_LO = 1.3526957332032908e-17;
  private static final double FAR = 1e5;
  private static final double SATURATED = 1e4;

  @Override
  public String id() {
    return "gelu_tanh";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector xm = x.max(-FAR).min(FAR);
    DD v = scaledCubic(xm, C, C_LO);
    DoubleVector y = xm.mul(VMath.sigmoid(v.hi));
    y = y.add(y.mul(v.lo.mul(VMath.sigmoid(v.hi.neg()))));
    VectorMask<Double> tail = v.hi.compare(LT, -40.0);
    if (tail.anyTrue()) {
      y = y.blend(timesExp(xm.add(xm.mul(v.lo)), v.hi), tail);
    }
    DoubleVector signedZero = x.broadcast(0.0).reinterpretAsLongs()
        .or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    y = y.blend(signedZero, v.hi.compare(LT, -SATURATED)).blend(xm, v.hi.compare(GT, SATURATED));
    return y.blend(x.max(-0.0), x.abs().compare(GT, FAR)); // x, or −0.0 below −FAR
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.geluTanh(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector xm = x.max(-FAR).min(FAR);
    DD v = scaledCubic(xm, C, C_LO);
    DoubleVector t = v.hi;
    DoubleVector err = v.lo;
    // x >= 0: σ(v) + x·σ'(v)·v', both non-negative
    DoubleVector sp = VMath.sigmoid(t);
    DoubleVector sm = VMath.sigmoid(t.neg());
    DoubleVector gate = sp.add(sp.mul(err.mul(sm)));
    DoubleVector slope = VMath.sigmoidDerivative(t);
    slope = slope.add(slope.mul(err.mul(sm.sub(sp)))).blend(0.0, t.abs().compare(GT, SATURATED));
    DoubleVector pos = gate.add(xm.mul(slope).mul(xm.mul(xm).fma(C3, 1.0).mul(K)))
        .blend(1.0, t.compare(GT, SATURATED));
    // x < 0: e(1 + w + e)/(1 + e)² with 1 + w a two-sum (w = x·v'), e = e^v
    DD w = scaledCubic(xm, C3, C3_LO);
    DoubleVector tn = t.min(0.0);
    DoubleVector e = tn.lanewise(EXP);
    e = e.add(e.mul(err));
    DoubleVector a = w.hi.add(1.0);
    DoubleVector bb = a.sub(1.0);
    DoubleVector aErr = a.sub(bb).neg().add(1.0).add(w.hi.sub(bb));
    DoubleVector d = e.add(1.0);
    DoubleVector neg = e.mul(a.add(e).add(aErr.add(w.lo))).div(d.mul(d));
    VectorMask<Double> tail = t.compare(LT, -40.0);
    if (tail.anyTrue()) {
      neg = neg.blend(timesExp(a.mul(err.add(1.0)), tn), tail).blend(-0.0, t.compare(LT, -SATURATED));
    }
    DoubleVector r = neg.blend(pos, xm.compare(GE, 0.0));
    DoubleVector farD = x.broadcast(-0.0).blend(1.0, x.compare(GT, 0.0));
    return r.blend(farD, x.abs().compare(GT, FAR));
  }

  /** {@code a·e^t} for t &lt; −40, split as {@code (a·h)·h, h = e^{t/2}} below −700 (Gates.timesExp). */
  private static DoubleVector timesExp(DoubleVector a, DoubleVector t) {
    DoubleVector tc = t.max(-2 * SATURATED);
    DoubleVector h = tc.mul(0.5).lanewise(EXP);
    return a.mul(tc.lanewise(EXP)).blend(a.mul(h).mul(h), tc.compare(LT, -700.0));
  }

  private record DD(DoubleVector hi, DoubleVector lo) {}

  /** {@code K·(x + c·x³)} in double-double, as the reference's scaledCubic. */
  private static DD scaledCubic(DoubleVector x, double c, double cLo) {
    DoubleVector x2 = x.mul(x);
    DoubleVector x2e = x.fma(x, x2.neg());
    DoubleVector x3 = x2.mul(x);
    DoubleVector x3e = x2.fma(x, x3.neg()).add(x2e.mul(x));
    DoubleVector c3 = x3.mul(c);
    DoubleVector c3e = x3.fma(x3.broadcast(c), c3.neg()).add(x3e.mul(c)).add(x3.mul(cLo));
    DoubleVector s = x.add(c3);
    DoubleVector bb = s.sub(x);
    DoubleVector se = x.sub(s.sub(bb)).add(c3.sub(bb)).add(c3e);
    DoubleVector t = s.mul(K);
    DoubleVector te = s.fma(s.broadcast(K), t.neg()).add(se.mul(K)).add(s.mul(K_LO));
    DoubleVector hi = t.add(te);
    return new DD(hi, te.sub(hi.sub(t)));
  }

  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    return VGauss.geluTanh(x); // the plain formula in double: see the class comment
  }

  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    return VGauss.geluTanhSlope(x);
  }
}
