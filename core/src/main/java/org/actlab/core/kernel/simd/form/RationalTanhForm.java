package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.EQ;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * rational_tanh lane-wise, mirroring {@link org.actlab.core.activation.fn.RationalTanh}: {@code N/(1+N)} with
 * {@code N = u + u² + c·u⁴}, u = 2|x|/3; f' for double arrays is the reference's (see {@link #doubleSlopeLanes}).
 * Exp-free, so it is cheap in double lanes; float arrays use them too (a float-lane N loses the 4 ULP bound near
 * the origin), f' as {@code A·(2/3)·N'/(1 + N)²} with no correction for the rounding of u, which is far below a
 * float's rounding there ({@link #dfdxWidened}: one division instead of five, 472 → 941–1,084 Melem/s at 1M
 * floats, two runs).
 */
public final class RationalTanhForm implements VectorForm {

  private static final double A = 1.7159;
  private static final double C4 = 1.41645;

  @Override
  public String id() {
    return "rational_tanh";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector u = x.abs().mul(2).div(3);
    DoubleVector u2 = u.mul(u);
    DoubleVector n = u.add(u2).add(u2.mul(C4).mul(u2));
    VectorMask<Double> inf = n.compare(EQ, Double.POSITIVE_INFINITY);
    DoubleVector mag = n.div(n.add(1.0)).blend(1.0, inf).mul(A);
    // copysign(mag, x): mag is >= 0 or NaN, so or-ing in x's sign bit is exact (−0.0 gives −0.0)
    return mag.reinterpretAsLongs().or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
  }

  /**
   * f' for a float x in double lanes: {@code A·(2/3)·N'/(1 + N)²}, every term positive; |x| is clamped to 10³⁰
   * (NaN kept), where f' is far below the smallest float, so that N stays finite ((1 + N)² may overflow: 0).
   */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector u = x.abs().min(1e30).mul(2).div(3);
    DoubleVector u2 = u.mul(u);
    DoubleVector onePlusN = u.add(u2).add(u2.mul(C4).mul(u2)).add(1.0);
    DoubleVector dn = u.mul(2).add(1.0).add(u.mul(4 * C4).mul(u2));
    return dn.div(onePlusN.mul(onePlusN)).mul(A * 2 / 3);
  }

  /**
   * Double arrays take the reference's f' ({@code RationalTanh.dfdx}: 1 + N and N' as double + double, 3.1 ULP over
   * dense doubles): in lanes that form is too large a graph for C2, which boxed every vector (53–65 Melem/s against
   * ~480 for the plain form at 64K doubles), and the plain form (u's rounding corrected to first order, removed)
   * reached 6.9 ULP between the golden points (tools/dense_audit.py).
   */
  @Override
  public boolean doubleSlopeLanes() {
    return false;
  }

  /** Never called: double arrays take the scalar reference for f' ({@link #doubleSlopeLanes}). */
  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    throw new UnsupportedOperationException("rational_tanh's double f' is the scalar reference's (doubleSlopeLanes)");
  }
}
