package org.actlab.core.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

/**
 * A vector form whose double-lane f' takes a Taylor series in the lanes next to a root of f' ({@link VRoots}), the
 * ordinary formula losing its digits there, and keeps the two apart: double arrays get the ordinary formula in one
 * pass and the series in a second pass of its own ({@link VectorForm#rootsApart()}). In one graph, the two went
 * over C2's node budget and boxed every vector (float64 backward on 65,541 doubles, three alternating pairs of
 * JVMs: silu 92–130 Melem/s in one graph, 315–368 apart; swish 103–113 → 309–349; tanhexp 72–75 → 135–144).
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
