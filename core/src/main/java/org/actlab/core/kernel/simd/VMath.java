package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.DoubleVector;

/**
 * Lane-wise versions of {@link org.actlab.core.math.Stable}: the same stable forms, the same branches (as
 * blends, with both sides safe), the same NaN and ∞ behaviour.
 */
public final class VMath {

  private VMath() {}

  /** {@code σ(x)}: {@code e = exp(−|x|)}, then {@code 1/(1+e)} or {@code e/(1+e)} by sign. */
  public static DoubleVector sigmoid(DoubleVector x) {
    DoubleVector e = x.abs().neg().lanewise(EXP);
    return e.blend(1.0, x.compare(GE, 0)).div(e.add(1.0));
  }

  /** {@code σ(x)σ(−x) = e/(1+e)²} with {@code e = exp(−|x|)}. */
  public static DoubleVector sigmoidDerivative(DoubleVector x) {
    DoubleVector e = x.abs().neg().lanewise(EXP);
    DoubleVector d = e.add(1.0);
    return e.div(d).div(d);
  }
}
