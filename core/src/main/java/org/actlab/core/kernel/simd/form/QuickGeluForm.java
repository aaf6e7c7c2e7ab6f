package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSiluFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * quick_gelu lane-wise, the reference's form: {@code x·σ(t + err)} with {@code t = 1.702x} and
 * {@code err = fma(K, x, −t) + K_LO·x} (1.702 as the double-double K + K_LO), through {@link VExp#gate} and
 * {@link VExp#gateSlope}. Float lanes for f: {@link VSiluFloat#quickGelu} (silu's float gate) with t = 1.702x as
 * the float pair {@code t + tLo}: float 1.702 times x, its rounding error by fma and 1.702's own remainder times x.
 * x is clamped to [−110, 110] for t (f is −0.0 or x beyond, and an infinite t would make tLo NaN) and to ≥ −110 as
 * the multiplier. Before, float arrays went through the double lanes, over C2's node budget: 325 Melem/s forward at
 * 1M floats, allocating per vector. f' keeps the widened double lanes: silu's float f' evaluated at t + tLo
 * (quick_gelu'(x) = silu'(1.702x)) measured 4.3–4.5 ULP next to t = −0.84, over the bound.
 */
public final class QuickGeluForm implements VectorForm {

  private static final double K = 1.702;
  private static final double K_LO = 4.263256414560601e-17; // 1.702 − K (QuickGelu.K_LO)

  private static final float K_F = 1.702f;
  private static final float K_F_LO = (float) (K - K_F); // 1.702's remainder beyond K is far below float's reach
  private static final float CLAMP = 110f;

  @Override
  public String id() {
    return "quick_gelu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(K);
    return VExp.gate(x, t, x.fma(x.broadcast(K), t.neg()).add(x.mul(K_LO)));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.quickGelu(x, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(K);
    return VExp.gateSlope(t, x.fma(x.broadcast(K), t.neg()).add(x.mul(K_LO)));
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
