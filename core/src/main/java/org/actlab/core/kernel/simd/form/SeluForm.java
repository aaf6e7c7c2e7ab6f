package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * selu lane-wise, the reference's form: scale and scale·alpha as double-double constants applied with one fma
 * ({@code fma(HI, v, LO·v)}), expm1 on the negative branch (which sees {@code min(x, 0)}); f'(0) = scale·alpha.
 * Float lanes: the same form with the constants split into float + float (one fma: the product with the constant is
 * rounded about once), VExp's inline expm1NonPositive/expNonPositive (no vector-math call) within about 1 ULP,
 * so the float32 result stays within about 2 ULP
 * (SimdFloatSweepTest; subnormal eˣ below −87 scaled by 1.76 stays under 2.5 ULP).
 */
public final class SeluForm implements VectorForm {

  // the reference's constants (Selu.SCALE_HI/LO, SA_HI/LO are package-private there)
  private static final double SCALE_HI = 1.0507009873554805;
  private static final double SCALE_LO = 3.9874847667154144e-17;
  private static final double SA_HI = 1.7580993408473768;
  private static final double SA_LO = 1.41535193800845e-17;
  /** Rounded down so that the low part is positive: ±∞·hi + ±∞·lo stays ±∞ (a negative lo would give NaN). */
  private static final float F_SCALE_HI = Math.nextDown((float) SCALE_HI);
  private static final float F_SCALE_LO = (float) (SCALE_HI - F_SCALE_HI);
  private static final float F_SCALE = (float) SCALE_HI;
  private static final float F_SA_HI = (float) SA_HI;
  private static final float F_SA_LO = (float) (SA_HI - F_SA_HI);

  @Override
  public String id() {
    return "selu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector e = x.min(0.0).lanewise(EXPM1);
    DoubleVector neg = e.fma(e.broadcast(SA_HI), e.mul(SA_LO));
    return neg.blend(x.fma(x.broadcast(SCALE_HI), x.mul(SCALE_LO)), x.compare(GT, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector e = x.min(0.0).lanewise(EXP);
    return e.fma(e.broadcast(SA_HI), e.mul(SA_LO)).blend(SCALE_HI, x.compare(GT, 0));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    FloatVector pos = x.fma(x.broadcast(F_SCALE_HI), x.mul(F_SCALE_LO));
    FloatVector e = VExp.expm1NonPositive(VExp.minZero(x));
    return e.fma(e.broadcast(F_SA_HI), e.mul(F_SA_LO)).blend(pos, x.compare(GT, 0));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    FloatVector e = VExp.expNonPositive(VExp.minZero(x));
    return e.fma(e.broadcast(F_SA_HI), e.mul(F_SA_LO)).blend(F_SCALE, x.compare(GT, 0));
  }
}
