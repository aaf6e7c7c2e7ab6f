package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.Lanes;
import org.actlab.core.kernel.simd.VGauss;
import org.actlab.core.kernel.simd.VMath;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSiluDouble;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * gelu_tanh lane-wise, mirroring {@link org.actlab.core.activation.fn.GeluTanh}: {@code x·σ(v)} with
 * v = 2u = K(x + 0.044715x³) in double-double (fma two-products, two-sums, constants with their remainders) and
 * σ corrected to first order in the low part: f by {@link VSiluDouble#gate} (an inline exponential, subnormal
 * results rounded once), in two passes for double arrays ({@link #twoPassForward}); f' without {@code 1 − tanh²},
 * its x &lt; 0 form {@code e(1 + x·v' + e)/(1 + e)²} with {@code 1 + x·v'} as a two-sum, whose e^v tails (v &lt; −40,
 * rounded once by the (a·h)·h split) are evaluated only when a lane needs them. Double lanes: the double-double
 * argument is what keeps the float32 results within 4 ULP as well.
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
  /** K·0.044715 and K·0.134145 (3·0.044715, for x·v'), as double-doubles (mpmath, 200 bits). */
  private static final double KC = 0.07135481627260025;
  private static final double KC_LO = -6.175149918155315e-19;
  private static final double KC3 = 0.21406444881780073;
  private static final double KC3_LO = 1.2025242832367862e-17;
  // The constants as vectors: an operation with a scalar operand broadcasts it in the graph each time, and the
  // double-double cubic is most of the forward's node budget (C2's NodeCountInliningCutoff).
  private static final DoubleVector K_V = DoubleVector.broadcast(Lanes.D, K);
  private static final DoubleVector K_LO_V = DoubleVector.broadcast(Lanes.D, K_LO);
  private static final DoubleVector KC_V = DoubleVector.broadcast(Lanes.D, KC);
  private static final DoubleVector KC_LO_V = DoubleVector.broadcast(Lanes.D, KC_LO);
  private static final DoubleVector KC3_V = DoubleVector.broadcast(Lanes.D, KC3);
  private static final DoubleVector KC3_LO_V = DoubleVector.broadcast(Lanes.D, KC3_LO);
  private static final double FAR = 1e5;
  private static final double SATURATED = 1e4;

  @Override
  public String id() {
    return "gelu_tanh";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return fSecond(x, fFirst(x, p), p);
  }

  /**
   * Double arrays run f in two passes: the double-double cubic and the gate's inline exponential in one graph
   * are over C2's node budget, and the loop boxed every vector (65,536 doubles: 78–96 Melem/s).
   */
  @Override
  public boolean twoPassForward() {
    return true;
  }

  /**
   * v = K(x + 0.044715x³) as the {@link #correction} δ to {@link #plain}: plain + δ carries v to about 2⁻¹⁰⁰
   * relative in one double, which the second pass reads back with x.
   */
  @Override
  public DoubleVector fFirst(DoubleVector x, double[] p) {
    return correction(x, KC_V, KC_LO_V);
  }

  /**
   * {@code x·σ(plain + δ)} by the gate with δ as its first-order correction (δ is a few ulps of v, so the
   * second-order term is near 2⁻¹⁰⁰). Unclamped: beyond ±FAR the lanes are replaced, whatever an overflowing
   * cubic or an x·e^{−760} that does not vanish made of them.
   */
  @Override
  public DoubleVector fSecond(DoubleVector x, DoubleVector delta, double[] p) {
    return VSiluDouble.gate(x, plain(x, KC_V), delta).blend(x, x.compare(GT, FAR)).blend(-0.0, x.compare(LT, -FAR));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.geluTanh(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector xm = x.max(-FAR).min(FAR);
    DoubleVector t = plain(xm, KC_V);
    DoubleVector err = correction(xm, KC_V, KC_LO_V);
    // x >= 0: σ(v) + x·σ'(v)·v', both non-negative
    DoubleVector sp = VMath.sigmoid(t);
    DoubleVector sm = VMath.sigmoid(t.neg());
    DoubleVector gate = sp.add(sp.mul(err.mul(sm)));
    DoubleVector slope = VMath.sigmoidDerivative(t);
    slope = slope.add(slope.mul(err.mul(sm.sub(sp)))).blend(0.0, t.abs().compare(GT, SATURATED));
    DoubleVector pos = gate.add(xm.mul(slope).mul(xm.mul(xm).fma(KC3, K)))
        .blend(1.0, t.compare(GT, SATURATED));
    // x < 0: e(1 + w + e)/(1 + e)² with 1 + w a two-sum (w = x·v'), e = e^v
    DoubleVector wHi = plain(xm, KC3_V); // w = x·v' = K(x + 3·0.044715x³) as wHi + wLo
    DoubleVector wLo = correction(xm, KC3_V, KC3_LO_V);
    DoubleVector tn = t.min(0.0);
    DoubleVector e = tn.lanewise(EXP);
    e = e.add(e.mul(err));
    DoubleVector a = wHi.add(1.0);
    DoubleVector bb = a.sub(1.0);
    DoubleVector aErr = a.sub(bb).neg().add(1.0).add(wHi.sub(bb));
    DoubleVector d = e.add(1.0);
    DoubleVector dLo = d.broadcast(1.0).sub(d).add(e); // exact: e ≤ 1
    // (1 + e)² as fma(d, d, 2d·dLo), the reference's overSquare: d·d carried d's rounding twice, 4.12 ULP at
    // x = −2.2516323178366155 (dense audit, 4,000 points)
    DoubleVector neg = e.mul(a.add(e).add(aErr.add(wLo))).div(d.fma(d, d.mul(dLo).mul(2.0)));
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

  /**
   * {@code K·x + m·x³ − plain(x, mHi)} with {@code m = mHi + mLo}: the correction that makes {@link #plain} the
   * double-double value, to about 2⁻¹⁰⁰ relative. {@code x·(K + m·x²)} with x² exact (fma), m·x² as a product and
   * its fma remainder, the sum with K as a two-sum, the product with x and its remainder; the product minus plain
   * is exact (both are within a few ulps of the value), plus the remainder rounds once. A value and a correction,
   * not a double-double record: the record's vectors were boxed, one per vector of the loop. About 20 vector
   * operations against the reference's scaledCubic's 30 ({@code K·(x + c·x³)}, a product and a two-sum more).
   */
  private static DoubleVector correction(DoubleVector x, DoubleVector mHi, DoubleVector mLo) {
    DoubleVector p = x.mul(x);
    DoubleVector pe = x.fma(x, p.neg());
    DoubleVector q = p.mul(mHi);
    DoubleVector qe = p.fma(mHi, q.neg()).add(pe.fma(mHi, p.mul(mLo)));
    DoubleVector g = q.add(K_V);
    DoubleVector gb = g.sub(q);
    DoubleVector ge = q.sub(g.sub(gb)).add(K_V.sub(gb)).add(qe.add(K_LO_V)); // two-sum error, plus the lows
    DoubleVector v = g.mul(x);
    return v.sub(plain(x, mHi)).add(g.fma(x, v.neg()).add(ge.mul(x)));
  }

  /** {@code x·(K + m·x²)} in plain double, the same operations wherever it is called (so the same bits). */
  private static DoubleVector plain(DoubleVector x, DoubleVector m) {
    return x.mul(x).fma(m, K_V).mul(x);
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
