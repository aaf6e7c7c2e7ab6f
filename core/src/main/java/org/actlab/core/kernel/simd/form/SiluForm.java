package org.actlab.core.kernel.simd.form;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.RootSeriesForm;
import org.actlab.core.kernel.simd.VRoots;
import org.actlab.core.kernel.simd.VSiluDouble;
import org.actlab.core.kernel.simd.VSiluFloat;
import org.actlab.core.math.RootSeries;

/**
 * silu lane-wise, the reference's gate ({@code Gates.gate/gateSlope} with an exact argument): {@code x·σ(x)}, and
 * f' = {@code e(1 + x + e)/(1+e)²} for x &lt; 0 ({@code 1 + x} exact near the root −1.2785) or
 * {@code σ(x)(1 + x·σ(−x))}, the series next to the root. Double lanes: {@link VSiluDouble}, with an inline
 * exponential kept scaled by 2¹²⁸ (−0.0 limits at −∞, subnormal results rounded once). Float lanes: {@link VSiluFloat},
 * an inline exp kept scaled by 2⁶⁴ so that results down to the subnormals round once (1.5–2× faster than with the
 * library exp), and for f' a branch-free Taylor form of the bracket near the root (every float on [−1.75, −0.1]
 * checked: within 4 ULP).
 */
public final class SiluForm implements RootSeriesForm {

  @Override
  public String id() {
    return "silu";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return VSiluDouble.silu(x);
  }

  @Override
  public VectorMask<Double> nearRoots(DoubleVector x, double[] p) {
    return VRoots.near(RootSeries.GATE, x);
  }

  @Override
  public DoubleVector dfdxNearRoots(DoubleVector x, double[] p) {
    return VRoots.at(RootSeries.GATE, x, x.broadcast(0.0));
  }

  /** f' by the stable form, accurate away from the roots of f' (the series takes the lanes next to them). */
  @Override
  public DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p) {
    return VSiluDouble.slope(x, null);
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    return VSiluFloat.silu(x);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return VSiluFloat.slope(x);
  }
}
