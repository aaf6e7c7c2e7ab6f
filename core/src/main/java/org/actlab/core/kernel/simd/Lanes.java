package org.actlab.core.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The species every SIMD kernel uses, fixed once (static finals, so the JIT constant-folds them): the machine's
 * preferred double and float shapes, and {@link #FH}, the float species with as many lanes as {@link #D}, used
 * to widen float arrays into double lanes.
 */
public final class Lanes {

  public static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  public static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  public static final VectorSpecies<Float> FH =
      VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));

  private Lanes() {}

  /** "AVX-512: 8 double / 16 float lanes" style description for logs and benchmarks. */
  public static String describe() {
    return D.vectorBitSize() + "-bit vectors: " + D.length() + " double / " + F.length() + " float lanes";
  }
}
