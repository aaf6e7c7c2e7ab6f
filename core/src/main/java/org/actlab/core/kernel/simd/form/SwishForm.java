package org.actlab.core.kernel.simd.form;


import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.RootSeriesForm;
import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSiluDouble;
import org.actlab.core.kernel.simd.VectorForm;
import org.actlab.core.math.RootSeries;

/**
 * swish lane-wise, the reference's form: {@code x·σ(t + err)}, {@code t = βx}, {@code err = fma(β, x, −t)} (the
 * gate amplifies the product's rounding by up to |t|), through {@link VExp#gate}/{@link VSiluDouble#slope}; β = 0 is
 * x/2 with slope 1/2. At β = 1 silu's loops run it ({@link #regime}: its float lanes are within 3 ULP over the
 * float sweep); float arrays at other β go through double lanes (a float βx would lose the product's rounding).
 * The parameter gradient takes the scalar path.
 */
public final class SwishForm implements RootSeriesForm {

  @Override
  public String id() {
    return "swish";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return value(x, p[0]);
  }

  @Override
  public VectorMask<Double> nearRoots(DoubleVector x, double[] p) {
    return VRoots.near(RootSeries.GATE, x.mul(p[0]));
  }

  @Override
  public DoubleVector dfdxNearRoots(DoubleVector x, double[] p) {
    DoubleVector v = x.mul(p[0]);
    return VRoots.at(RootSeries.GATE, v, x.fma(x.broadcast(p[0]), v.neg()));
  }

  /** f' by the stable form, accurate away from the roots of f' (the series takes the lanes next to them). */
  @Override
  public DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p) {
    return slope(x, p[0]);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  /** At β = 1 swish is silu, the same operations in double lanes, and silu's float lanes: its loops run it. */
  @Override
  public VectorForm regime(double[] p) {
    return p[0] == 1 ? SILU : this;
  }

  /** silu's form, whose loops swish at β = 1 and adaptive_swish at α = β = 1 run. */
  static final VectorForm SILU = new SiluForm();

  /** Float lanes for β ≠ 1 (β = 1 runs silu's, see {@link #regime}): both halves through double lanes, rounded once. */
  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VExp.join(value(VExp.half(x, 0), p[0]), value(VExp.half(x, 1), p[0]));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VExp.join(slope(VExp.half(x, 0), p[0]), slope(VExp.half(x, 1), p[0]));
  }

  /** {@code x·σ(βx)} (Swish.value). */
  static DoubleVector value(DoubleVector x, double beta) {
    if (beta == 0) {
      return x.mul(0.5);
    }
    DoubleVector t = x.mul(beta);
    return VExp.gate(x, t, beta == 1 ? null : x.fma(x.broadcast(beta), t.neg()));
  }

  /** {@code d/dx [x·σ(βx)]} (Swish.slope). */
  static DoubleVector slope(DoubleVector x, double beta) {
    if (beta == 0) {
      return x.broadcast(0.5).blend(x, VExp.isNaN(x));
    }
    DoubleVector t = x.mul(beta);
    return VSiluDouble.slope(t, beta == 1 ? null : x.fma(x.broadcast(beta), t.neg()));
  }
}
