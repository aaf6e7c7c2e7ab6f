package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.IS_INFINITE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSinFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * snake lane-wise, mirroring {@link org.actlab.core.activation.fn.Snake}: {@code fma(s, s/α, x)} with
 * s = sin(αx) exact in the product's rounding (angle-sum); f' = 1 + sin(2αx), and where sin(2αx) &lt; −1/2 the
 * non-cancelling {@code 2 sin²(αx + π/4)} with αx + π/4 in double-double (computed only when a lane needs it).
 * Double lanes; for float inputs an inline reduction and polynomials ({@link VSinFloat}) where |αx| &lt; 2⁴⁹.
 * Learnable-α gradients take the scalar path (SimdKernel).
 */
public final class SnakeForm implements VectorForm {

  private static final double PI4_HI = 0.7853981633974483;
  private static final double PI4_LO = 3.061616997868383e-17;

  @Override
  public String id() {
    return "snake";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector s = sinOfProduct(x, a);
    return s.fma(s.div(a), x).blend(x, x.test(IS_INFINITE));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return VRoots.snake(x, p, ordinaryDfdx(x, p)); // the Taylor series near the roots of f', as the scalar reference
  }

  /**
   * f for float inputs, whose result is rounded to float: s = sin(αx) by {@link VSinFloat}, the vector-math path
   * only in lanes with |αx| ≥ 2⁴⁹.
   */
  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector s = SineForm.sinWidened(x, a);
    return s.fma(s.div(a), x).blend(x, x.test(IS_INFINITE));
  }

  /**
   * f' for float inputs: {@code 2 sin²(αx + π/4)} in every lane, the product form of {@code 1 + sin 2αx} that
   * never cancels, by {@link VSinFloat#sinPlusQuarterPi}; in lanes with |αx| ≥ 2⁴⁹, the reference's double-double
   * αx + π/4 and the vector-math sine.
   */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector u = x.mul(a);
    DoubleVector uErr = SineForm.productError(x, a, u);
    DoubleVector s = VSinFloat.sinPlusQuarterPi(u, uErr);
    VectorMask<Double> far = VSinFloat.far(u);
    if (far.anyTrue()) {
      s = s.blend(sinPlusQuarterPiBySum(u, uErr), far);
    }
    return s.mul(2.0).mul(s);
  }

  /** f' by the stable form, accurate away from the roots of f'. */
  private static DoubleVector ordinaryDfdx(DoubleVector x, double[] p) {
    double a = p[0];
    DoubleVector sin2 = sinOfProduct(x, 2 * a);
    DoubleVector d = sin2.add(1.0);
    VectorMask<Double> cancel = sin2.compare(LT, -0.5);
    if (cancel.anyTrue()) {
      DoubleVector u = x.mul(a);
      DoubleVector s = sinPlusQuarterPiBySum(u, SineForm.productError(x, a, u));
      d = d.blend(s.mul(2.0).mul(s), cancel);
    }
    return d;
  }

  /**
   * {@code sin(u + uErr + π/4)} with {@code u + π/4} carried in double-double (two-sum) and the angle-sum formula:
   * the reference's form where |αx| is beyond its reduction's limit.
   */
  private static DoubleVector sinPlusQuarterPiBySum(DoubleVector u, DoubleVector uErr) {
    DoubleVector v = u.add(PI4_HI);
    DoubleVector b = v.sub(u);
    DoubleVector vErr = u.sub(v.sub(b)).add(b.neg().add(PI4_HI)).add(uErr).add(PI4_LO);
    return SineForm.sinOfSum(v, vErr);
  }

  /** {@code sin(b·a)} with the product's rounding error applied exactly (angle-sum formula). */
  private static DoubleVector sinOfProduct(DoubleVector b, double a) {
    DoubleVector t = b.mul(a);
    return SineForm.sinOfSum(t, SineForm.productError(b, a, t));
  }
}
