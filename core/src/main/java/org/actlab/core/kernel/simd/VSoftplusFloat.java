package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;

/**
 * softplus at beta = 1 in float lanes: {@code max(x, 0) + log1p(e)}, {@code e = e^{−|x|}} by the inline
 * {@link VExp#expNonPositive}, and {@code log1p(e) = e·L(e)} with L from {@link SoftplusTables} (one degree-4
 * polynomial per interval of width 1/15 in e, picked per lane by a permute): no division and no vector-math call.
 * The library pair {@code log1p(eˣ)} it replaces spilled every live vector around its two calls: three alternating
 * {@code actlab bench} runs each at 1M floats, softplus 765–1,056 → 1,046–1,295 Melem/s forward, logsigmoid
 * 881–1,050 → 1,163–1,183 (the five permutes cost about a third: 1,915 with a plain polynomial in their place). Accuracy: e carries about one ULP and log1p's condition number is below 1 on [0, 1];
 * L adds at most 1.2·2⁻²⁴ (the generator's figure) and its product with e, and the sum with max(x, 0), one
 * rounding each (one fma). No cancellation: both terms are ≥ 0. Subnormal results (x below −87.3) are e itself,
 * rounded once by expNonPositive; ±∞ give ∞ and +0.0, NaN propagates (its lanes pick some table entry and carry
 * NaN through t). Needs 16 float lanes ({@link #SUPPORTED}); elsewhere the library pair, as before.
 */
public final class VSoftplusFloat {

  /** The table is one 16-lane vector per coefficient. */
  public static final boolean SUPPORTED = LaneTables.SUPPORTED;

  // L's coefficients as vector constants: a smaller graph than loading them from the table in the loop (with
  // LaneTables.poly16 the loop met C2's node cutoff when every never-taken branch is compiled, and boxed)
  private static final FloatVector L0 = coefficient(0);
  private static final FloatVector L1 = coefficient(1);
  private static final FloatVector L2 = coefficient(2);
  private static final FloatVector L3 = coefficient(3);
  private static final FloatVector L4 = coefficient(4);

  static {
    if (SoftplusTables.DEGREE != 4) {
      throw new AssertionError("softplus: the Horner steps below are written out for degree 4");
    }
  }

  private VSoftplusFloat() {}

  private static FloatVector coefficient(int k) {
    return SUPPORTED ? FloatVector.fromArray(Lanes.F, SoftplusTables.L, 16 * k) : null;
  }

  /** ln(1 + eˣ), see the class comment. */
  public static FloatVector softplus(FloatVector x) {
    if (!SUPPORTED) {
      FloatVector big = x.lanewise(EXP);
      return big.lanewise(LOG1P).blend(x, big.eq(Float.POSITIVE_INFINITY)); // x where eˣ overflows
    }
    // max(x, −0.0) written out first: as a helper after the table lookup it met C2's node cutoff when every
    // never-taken branch is compiled (-XX:PerMethodTrapLimit=0), stayed a call and boxed (1.4 MB per call)
    FloatVector base = x.blend(-0f, x.compare(LT, 0f));
    FloatVector e = VExp.expNonPositive(x.abs().neg());
    FloatVector n = LaneTables.nearest(e.mul(SoftplusTables.SCALE));
    FloatVector t = e.fma(e.broadcast(SoftplusTables.SCALE), n.neg()); // 15e − n, rounded once
    FloatVector l = n.selectFrom(L4).fma(t, n.selectFrom(L3)).fma(t, n.selectFrom(L2)).fma(t, n.selectFrom(L1))
        .fma(t, n.selectFrom(L0));
    return e.fma(l, base);
  }
}
