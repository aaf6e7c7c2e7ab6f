package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * tanhshrink lane-wise, the reference's cancellation-free forms: for |x| ≤ 1 Lambert's continued fraction
 * {@code x³/(3 + x² + x²/(5 + x²/(7 + … + x²/19)))} with x³ in double-double (fma) and the final division's
 * remainder applied; beyond, {@code copySign((|x| − 1) + 2e/(1+e), x)}, {@code e = e^{−2|x|}}. Each branch is
 * computed only if some lane needs it. f' = tanh²x. Double lanes only.
 */
public final class TanhshrinkForm implements VectorForm {

  /** The reference's depth: partial denominators 5, 7, …, 19 after 3. */
  private static final int DEPTH = 9;

  @Override
  public String id() {
    return "tanhshrink";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector a = x.abs();
    VectorMask<Double> small = a.compare(LE, 1.0);
    DoubleVector r = x;
    if (small.not().anyTrue()) {
      DoubleVector e = a.mul(-2.0).lanewise(EXP);
      r = VExp.copySign(a.sub(1.0).add(e.mul(2.0).div(e.add(1.0))), x);
    }
    if (small.anyTrue()) {
      r = r.blend(series(x.blend(0.0, small.not())), small);
    }
    return r;
  }

  /** The continued fraction (the reference's loop, unrolled by the JIT): valid for |x| ≤ 1. */
  private static DoubleVector series(DoubleVector x) {
    DoubleVector s = x.mul(x);
    DoubleVector t = x.broadcast(0.0);
    for (int k = DEPTH; k >= 2; k--) {
      t = s.div(t.add(2 * k + 1));
    }
    DoubleVector sLo = x.fma(x, s.neg());
    DoubleVector c = x.mul(s);
    DoubleVector cLo = x.fma(s, c.neg()).add(x.mul(sLo));
    DoubleVector d = s.add(3.0).add(t);
    DoubleVector y = c.div(d);
    return y.add(y.neg().fma(d, c).add(cLo).div(d));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector t = x.lanewise(TANH);
    return t.mul(t);
  }

}
