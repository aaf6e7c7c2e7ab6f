package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * tanh lane-wise: the vector tanh, and f' = sech²x = {@code 4e/(1+e)²}, {@code e = e^{−2|x|}} (Stable.sech2: no
 * {@code 1 − tanh²}, which cancels to 0 beyond |x| ≈ 19). Float lanes: {@code −m/(2 + m)} with the sign of x,
 * {@code m = e^{−2|x|} − 1} by the inline {@link VExp#expm1NonPositive} (accurate near 0, where {@code 1 − e} would
 * cancel): measured worst 2.53 ULP over every 29th float. The library's float tanh (1 ULP) is a vector-math call,
 * measured at 742–1,600 Melem/s at 1M from run to run against 1,725–2,030 for this form; sech² in float
 * has four roundings on top of the exp, except where e is subnormal (|x| &gt; 43): there {@code 4e} would carry
 * e's absolute rounding error, so those lanes use {@code (2h)·(2h)}, {@code h = e^{−|x|}}, rounded once.
 */
public final class TanhForm implements VectorForm {

  @Override
  public String id() {
    return "tanh";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.lanewise(TANH);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VExp.sech2(x);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    FloatVector m = VExp.expm1NonPositive(x.abs().mul(-2f)); // e^{−2|x|} − 1, accurate near 0 (no 1 − e)
    return VExp.copySign(m.neg().div(m.add(2f)), x);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.sech2(x);
  }
}
