package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * elu lane-wise, the reference's form: {@code x > 0 ? x : alpha·expm1(x)} (no {@code exp(x) − 1} cancellation),
 * f' = {@code x > 0 ? 1 : alpha·eˣ}. The exponentials see {@code min(x, 0)}, so a discarded lane never overflows;
 * NaN fails {@code x > 0} and reaches expm1, which keeps it; −0.0 gives alpha·expm1(−0.0) = −0.0 as the reference.
 * Float lanes: VExp's inline expm1NonPositive and expNonPositive (no vector-math call) are within about 1 ULP
 * and the product with alpha adds one rounding (f as one fma with max(x, −0.0), no blend), so the float32
 * result stays within the 4 ULP bound (checked by SimdFloatSweepTest over every 97th float).
 */
public final class EluForm implements VectorForm {

  @Override
  public String id() {
    return "elu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    // The test for alpha = 1 (skipping an exact product) is there for C2's register allocation: with the product
    // alone after the call, x, which must survive the call in a stack slot, was stored at its load and read back
    // at once for min(x, 0), a store-to-load forward from a 64-byte slot straddling two cache lines, every vector;
    // with it, x is stored just before the call. 65,536 doubles, five alternating pairs of JVMs: 317–345 →
    // 375–695 Melem/s at alpha = 0.5, 327–344 → 312–722 at alpha = 1 (one slow run of five).
    DoubleVector e = x.min(0.0).lanewise(EXPM1);
    return (p[0] == 1 ? e : e.mul(p[0])).blend(x, x.compare(GT, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return x.min(0.0).lanewise(EXP).mul(p[0]).blend(1.0, x.compare(GT, 0));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    // no blend: fma(alpha, expm1(min(x, 0)), max(x, −0)) is x for x > 0 (expm1(0) = 0) and alpha·expm1(x) rounded
    // once for x ≤ 0 (adding −0.0 keeps −0.0 and every nonzero value); measured faster than the blend
    FloatVector pos = VExp.maxNegZero(x);
    return VExp.expm1NonPositive(VExp.minZero(x)).fma(pos.broadcast((float) p[0]), pos);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.expNonPositive(VExp.minZero(x)).mul((float) p[0]).blend(1f, x.compare(GT, 0));
  }
}
