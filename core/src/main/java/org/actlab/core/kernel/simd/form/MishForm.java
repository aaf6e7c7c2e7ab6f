package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VMishFloat;
import org.actlab.core.math.RootSeries;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * mish lane-wise, the reference's cancellation-free forms with the one exponential {@code e = e^{−|x|}}:
 * tanh(softplus x) = {@code a/(a + 2e²)}, {@code a = 1 + 2e} for x &gt; 0, {@code n/(n+2)}, {@code n = e(e+2)}
 * for x ≤ 0 (which is eˣ to double precision below −40); f' = {@code (1+2e)/b + x·w²/(1+e)} for x &gt; 0,
 * {@code n/d + x·(4(n+1)/d²)·e/(1+e)} on (−0.5, 0], {@code e(4(1+x) + e(6 + 4x + e(4+e)))/d²} below (1 + x exact
 * near the root −1.1924: the root-window blend goes here); {@code (x·h)·h} tails. This double form serves float64.
 *
 * <p>Float lanes: {@link VMishFloat}, per-interval polynomial tables picked by a lane permute, with the root of f'
 * factored out and one inline exponential (the same branches in float reached 5 ULP in f' on [−0.7, −0.5], far
 * more near the root, and 4 ULP in f). Every 13th float in [−120, 120]: worst 2.72 ULP (f) and 3.44 (f'), every
 * float in [−1.3, −1.1] 2.31 (f'). 1M floats, one thread, same run: forward 630 → 830–1,040 and backward 134–172 →
 * 675–770 Melem/s against the widened double lanes, whose derivative ({@link #dfdxWidened}) remains for machines
 * without 16 float lanes.
 *
 * <p>That widened derivative: the double form above was too large a graph for C2 to inline
 * (NodeCountInliningCutoff), boxed its vectors and ran at 60–80 Melem/s. With E = e^{−|x|}, t = E(E + 1),
 * f' = (n·D + 4x·t)/D² for x ≤ 0 (n = t + E, D = t + E + 2) and ((1 + 2E)·b + 4x·E·t)/b² for x &gt; 0 (b = 2t + 1),
 * one division; it cancels only near the root r = −1.1924 of f', where within 0.01 of r five terms of the root's
 * Taylor series (RootSeries.MISH) take over: at that distance the cancellation costs at most a factor 400 of a double
 * ulp, far below a float ULP. x is clamped to [−200, 200], where the float result is already 0 or 1 (no ∞·0). The
 * clamp is two blends, not max/min: with Java's max/min the loop's own widen and narrow went over C2's node budget.
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
    // the reference's overSquare: d² with the exact remainders of n = e(e + 2) and d = n + 2 (plain, 4.53 ULP at
    // x = −0.576 over 6,000 dense doubles: tools/dense_audit.py)
    DoubleVector e2 = e.add(2.0);
    DoubleVector nLo = e.fma(e2, n.neg()).add(e.mul(e2.broadcast(2.0).sub(e2).add(e)));
    DoubleVector dLo = d.broadcast(2.0).sub(d).add(n).add(nLo);
    DoubleVector lowNum = e.mul(x.add(1.0).mul(4.0).add(e.mul(x.fma(4.0, 6.0).add(e.mul(e.add(4.0))))));
    DoubleVector dd = d.mul(d);
    DoubleVector low = lowNum.div(dd);
    low = low.sub(low.mul(d.fma(d, dd.neg()).add(d.mul(2.0).mul(dLo)).div(dd)));
    DoubleVector r = low.blend(mid, x.compare(GT, -0.5)).blend(pos, x.compare(GT, 0));
    return VExp.tail(r, x, x.add(1.0), x.broadcast(-0.0));
  }

  private static final double R_HI = RootSeries.MISH.hi();
  private static final double R_LO = RootSeries.MISH.lo();
  private static final double R0 = RootSeries.MISH.coefficient(0);
  private static final double R1 = RootSeries.MISH.coefficient(1);
  private static final double R2 = RootSeries.MISH.coefficient(2);
  private static final double R3 = RootSeries.MISH.coefficient(3);
  private static final double R4 = RootSeries.MISH.coefficient(4);
  private static final double ROOT_WINDOW = 0.01;
  private static final double CLAMP = 200;

  @Override
  public boolean floatLanes() {
    return VMishFloat.SUPPORTED;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VMishFloat.mish(x);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VMishFloat.mishSlope(x);
  }

  /** f' for lanes widened from float inputs, whose result is rounded to float (see the class comment). */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector xc = x.blend(CLAMP, x.compare(GT, CLAMP)).blend(-CLAMP, x.compare(LT, -CLAMP)); // NaN kept
    DoubleVector e = VExp.expNegAbs(xc);
    DoubleVector t = e.fma(e, e);
    DoubleVector fourX = xc.mul(4.0);
    DoubleVector d = t.add(e).add(2.0);
    DoubleVector neg = t.add(e).mul(d).add(fourX.mul(t));
    DoubleVector b = t.fma(2.0, 1.0);
    DoubleVector pos = e.fma(2.0, 1.0).mul(b).add(fourX.mul(e).mul(t));
    VectorMask<Double> positive = xc.compare(GT, 0);
    DoubleVector den = d.blend(b, positive);
    DoubleVector r = neg.blend(pos, positive).div(den.mul(den));
    DoubleVector u = x.sub(R_HI).sub(R_LO); // exact near the root (Sterbenz)
    DoubleVector near = u.lanewise(FMA, R4, R3).lanewise(FMA, u, R2).lanewise(FMA, u, R1).lanewise(FMA, u, R0)
        .mul(u);
    return r.blend(near, u.abs().compare(LT, ROOT_WINDOW));
  }
}
