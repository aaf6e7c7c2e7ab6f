package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * selu lane-wise, the reference's form: scale and scale·alpha as double-double constants applied with one fma
 * ({@code fma(HI, v, LO·v)}), expm1 on the negative branch (which sees {@code min(x, 0)}); f'(0) = scale·alpha.
 * Double lanes only (float arrays are widened).
 */
public final class SeluForm implements VectorForm {

  // the reference's constants (Selu.SCALE_HI/LO, SA_HI/LO are package-private there)
  private static final double SCALE_HI = 1.0507009873554805;
  private static final double SCALE_LO = 3.9874847667154144e-17;
  private static final double SA_HI = 1.7580993408473768;
  private static final double SA_LO = 1.41535193800845e-17;

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
}
