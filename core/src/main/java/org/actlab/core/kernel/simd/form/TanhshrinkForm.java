package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.TANH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VTanhshrinkFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * tanhshrink lane-wise, the reference's cancellation-free forms: for |x| ≤ 1 Lambert's continued fraction
 * {@code x³/(3 + x² + x²/(5 + x²/(7 + … + x²/19)))}, its tail after 3 + x² as a fitted polynomial, with x³ in
 * double-double (fma) and the final division's remainder applied; beyond,
 * {@code copySign((|x| − 1) + 2e/(1+e), x)}, {@code e = e^{−2|x|}}. Each branch is computed only if some lane
 * needs it. f' = tanh²x.
 *
 * <p>Float arrays take float lanes where the machine has 16 of them ({@link VTanhshrinkFloat}: x³·G(|x|) and
 * x²·D(|x|) from per-interval tables, worst 2.27 ULP for f and f' from the exact value over every 7th float of
 * [−16, 16]). float32 1M, one thread, interleaved medians, same run: forward 360 → 1,255–1,370 and backward
 * 316 → 1,030–1,480 Melem/s against the widened double lanes they replaced, which remain for other machines:
 * there the lanes are widened to double and take a cheaper form ({@link #fWidened}) accurate to about 1e-10
 * relative: the Taylor series to x²¹ (no division) for |x| ≤ 1/2 and the exponential form beyond, where
 * x − tanh x ≥ 0.076·|x| so the cancellation costs at most 4 bits of the double result; then one rounding to
 * float (worst 0.501 float ULP; the double form with its eight divisions ran at 114 Melem/s).
 */
public final class TanhshrinkForm implements VectorForm {

  /** P(s), constant first: s·P(s) is the continued fraction's tail (tools/tanhshrink_tail_fit.py). */
  private static final double[] TAIL = {0.2, -0.005714285714285538, 0.0002539682539635414, -1.2203669298000572e-05,
      5.987660622871617e-07, -2.956439716232753e-08, 1.4615570929026143e-09, -7.115879915335008e-11,
      2.881694156261845e-12};

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

  /**
   * The reference's {@code x³/(3 + s + t)}, s = x², valid for |x| ≤ 1, with the continued fraction's tail
   * {@code t = s/(5 + s/(7 + … + s/19))} (eight divisions) as {@code s·P(s)}, P of degree 8 fitted to it
   * (tools/tanhshrink_tail_fit.py: within 1.3·10⁻¹⁷, where t only enters a denominator ≥ 3). 65,536 doubles,
   * alternating JVMs (3 pairs): forward 146–161 → 265–273 Melem/s.
   */
  private static DoubleVector series(DoubleVector x) {
    DoubleVector s = x.mul(x);
    DoubleVector q = s.broadcast(TAIL[TAIL.length - 1]);
    for (int k = TAIL.length - 2; k >= 0; k--) {
      q = q.fma(s, s.broadcast(TAIL[k]));
    }
    DoubleVector t = s.mul(q);
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

  @Override
  public boolean floatLanes() {
    return VTanhshrinkFloat.SUPPORTED; // per-interval tables in 16-lane permutes (see VTanhshrinkFloat)
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VTanhshrinkFloat.tanhshrink(x);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VTanhshrinkFloat.tanhshrinkSlope(x);
  }

  /** Taylor coefficients of x − tanh x: x³/3 − 2x⁵/15 + 17x⁷/315 − …, as coefficients of x·s^k, s = x². */
  private static final double[] TAYLOR = {1.0 / 3, -2.0 / 15, 17.0 / 315, -62.0 / 2835, 1382.0 / 155925,
      -21844.0 / 6081075, 929569.0 / 638512875, -6404582.0 / 10854718875.0, 443861162.0 / 1856156927625.0,
      -18888466084.0 / 194896477400625.0};

  /** f to about 1e-10 relative, for lanes that will be rounded to float (see the class comment). */
  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    DoubleVector a = x.abs();
    DoubleVector s = x.mul(x);
    DoubleVector q = x.broadcast(TAYLOR[TAYLOR.length - 1]);
    for (int k = TAYLOR.length - 2; k >= 0; k--) {
      q = q.fma(s, x.broadcast(TAYLOR[k]));
    }
    DoubleVector e = a.mul(-2.0).lanewise(EXP);
    DoubleVector far = VExp.copySign(a.sub(1.0).add(e.mul(2.0).div(e.add(1.0))), x);
    return far.blend(x.mul(s).mul(q), a.compare(LE, 0.5));
  }
}
