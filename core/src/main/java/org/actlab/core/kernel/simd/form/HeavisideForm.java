package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * heaviside lane-wise: 1 for x &gt; 0, 0 for x &lt; 0, {@code values} at ±0, NaN kept; derivative 0 (NaN for NaN).
 * Exact in float lanes ({@code values} rounded once, as the scalar path).
 */
public final class HeavisideForm implements VectorForm {

  @Override
  public String id() {
    return "heaviside";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.blend(p[0], x.eq(0)).blend(1.0, x.compare(GT, 0)).blend(0.0, x.compare(LT, 0));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return x.broadcast(0.0).blend(x, x.eq(x).not());
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return x.blend((float) p[0], x.eq(0f)).blend(1f, x.compare(GT, 0f)).blend(0f, x.compare(LT, 0f));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return x.broadcast(0f).blend(x, x.eq(x).not());
  }
}
