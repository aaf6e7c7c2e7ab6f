package org.actlab.core.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * A vector form whose double-lane f' takes a Taylor series in the lanes next to a root of f' ({@link VRoots}), the
 * ordinary formula losing its digits there, and keeps the two apart: double arrays get the ordinary formula in one
 * pass and the series in a second pass of its own ({@link VectorForm#rootsApart()}). In one graph, the two went
 * over C2's node budget and boxed every vector (float64 backward at 1M: silu 114–131 Melem/s before, 316–382
 * apart; swish 99–107 → 272–373; tanhexp 75–77 → 114–140).
 */
public interface RootSeriesForm extends VectorForm {

  @Override
  default boolean rootsApart() {
    return true;
  }

  @Override
  DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p);

  @Override
  VectorMask<Double> nearRoots(DoubleVector x, double[] p);

  @Override
  DoubleVector dfdxNearRoots(DoubleVector x, double[] p);

  /** f' with the series in its lanes, in one pass (in-place calls, float arrays in widened double lanes). */
  @Override
  default DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector ordinary = dfdxAwayFromRoots(x, p);
    VectorMask<Double> near = nearRoots(x, p);
    return near.anyTrue() ? ordinary.blend(dfdxNearRoots(x, p), near) : ordinary;
  }
}
