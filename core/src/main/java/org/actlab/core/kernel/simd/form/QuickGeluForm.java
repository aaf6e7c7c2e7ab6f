package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.RootSeriesForm;
import org.actlab.core.kernel.simd.VExpInline;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSiluDouble;
import org.actlab.core.kernel.simd.VSiluFloat;
import org.actlab.core.math.RootSeries;

/**
 * quick_gelu lane-wise, the reference's form: {@code x·σ(t + err)} with {@code t = 1.702x} and
 * {@code err = fma(K, x, −t) + K_LO·x} (1.702 as the double-double K + K_LO), through {@link VSiluDouble#gate}
 * and {@link VSiluDouble#slope}. Float lanes for f: {@link VSiluFloat#quickGelu} (silu's float gate) with t = 1.702x as
 * the float pair {@code t + tLo}: float 1.702 times x, its rounding error by fma and 1.702's own remainder times x.
 * x is clamped to [−110, 110] for t (f is −0.0 or x beyond, and an infinite t would make tLo NaN) and to ≥ −110 as
 * the multiplier. Before, float arrays went through the double lanes, over C2's node budget: 325 Melem/s forward at
 * 1M floats, allocating per vector. f' for float arrays stays in widened double lanes ({@link #dfdxWidened}), the
 * plain formula with an inline exponential: silu's float f' at t + tLo reached 4.3–4.5 ULP next to t = −0.84, and
 * 3.9 with a compensated denominator and bracket (every float checked, in a scalar model of the lanes), too close
 * to the bound. The double-lane f' (the reference's root series) is over C2's node budget and boxed: 93 Melem/s
 * backward at 1M floats; the plain widened formula measured 652, and is within 0.5 ULP.
 */
public final class QuickGeluForm implements RootSeriesForm {

  private static final double K = 1.702;
  private static final double K_LO = 4.263256414560601e-17; // 1.702 − K (QuickGelu.K_LO)

  private static final float K_F = 1.702f;
  private static final float K_F_LO = (float) (K - K_F); // 1.702's remainder beyond K is far below float's reach
  private static final float CLAMP = 110f;
  /** Below −500 (t below −851) quick_gelu is −0.0 in double: the multiplier {@link VSiluDouble#gate} needs. */
  private static final double GATE_FLOOR = 500;

  @Override
  public String id() {
    return "quick_gelu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector xc = x.blend(-GATE_FLOOR, x.compare(LT, -GATE_FLOOR)); // NaN kept; f is −0.0 below anyway
    DoubleVector t = xc.mul(K);
    return VSiluDouble.gate(xc, t, xc.fma(xc.broadcast(K), t.neg()).add(xc.mul(K_LO)));
  }

  /** quick_gelu'(x) = silu'(v), v = 1.702x: the lanes where v is next to the root of silu'. */
  @Override
  public VectorMask<Double> nearRoots(DoubleVector x, double[] p) {
    return VRoots.near(RootSeries.GATE, x.mul(K));
  }

  /** silu's root series at v = 1.702x, carried as v + vLo. */
  @Override
  public DoubleVector dfdxNearRoots(DoubleVector x, double[] p) {
    DoubleVector v = x.mul(K);
    return VRoots.at(RootSeries.GATE, v, x.fma(x.broadcast(K), v.neg()).add(x.mul(K_LO)));
  }

  /** f' by the stable form, accurate away from the roots of f' (the series takes the lanes next to them). */
  @Override
  public DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(K);
    return VSiluDouble.slope(t, x.fma(x.broadcast(K), t.neg()).add(x.mul(K_LO)));
  }

  /**
   * f' for lanes widened from float inputs, rounded to float afterwards: the plain double formula at v = 1.702x,
   * {@code e(1 + v + e)/(1+e)²} for v &lt; 0 and {@code (1 + e(1 + v))/(1+e)²} above, e = e^{−|v|} by the inline
   * exponential to full double accuracy. No root series: 1 + v + e cancels next to v = −1.2785, but no float x
   * brings v close enough to lose a float's digits. Every float with 10⁻³ ≤ |x| ≤ 3, every third up to 120 and
   * every 101st below 10⁻³ came out within 0.5 ULP of the double reference. x is clamped to ±110, beyond which
   * the result is ±0 or 1 in float, so that an infinite v cannot make 0·∞.
   */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector v = x.blend(-CLAMP, x.compare(LT, -CLAMP)).blend(CLAMP, x.compare(GT, CLAMP)).mul(K); // NaN kept
    DoubleVector e = VExpInline.full(v.abs().neg()); // full accuracy: 1 + v + e cancels next to the root
    DoubleVector d = e.add(1.0);
    DoubleVector onePlusV = v.add(1.0);
    DoubleVector num = e.mul(onePlusV.add(e)).blend(e.fma(onePlusV, d.broadcast(1.0)), v.compare(GE, 0.0));
    return num.div(d.mul(d));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public boolean floatSlopeLanes() {
    return false; // silu's float f' at t + tLo reached 4.3-4.5 ULP next to t = -0.84 (every float checked)
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    FloatVector low = x.blend(-CLAMP, x.compare(LT, -CLAMP)); // NaN kept
    FloatVector xc = low.blend(CLAMP, x.compare(GT, CLAMP));
    FloatVector t = xc.mul(K_F);
    return VSiluFloat.quickGelu(low, t, roundingOf(xc, t));
  }

  /** 1.702·xc − t for t = fl(1.702f·xc): the product's rounding (fma, exact) plus 1.702 − 1.702f times xc. */
  private static FloatVector roundingOf(FloatVector xc, FloatVector t) {
    return xc.fma(xc.broadcast(K_F), t.neg()).add(xc.mul(K_F_LO));
  }
}
