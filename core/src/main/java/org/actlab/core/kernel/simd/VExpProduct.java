package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.FloatVector;

/**
 * {@code c·e^{hi + lo}} in float lanes, rounded once, also where the result is subnormal: the compensated inline
 * exponential that {@link VGaussFloat} and {@link VMishFloat} fuse with their multiplicand.
 */
final class VExpProduct {

  private static final int SCALED_ONE_BITS = Float.floatToRawIntBits(0x1p64f);

  private VExpProduct() {}

  /**
   * {@code c·e^{hi + lo}} for −165 ≤ hi ≤ 0, |lo| ≤ ulp(hi), |c| &lt; 2⁶³ (NaN gives NaN): {@code n = rint(hi·log₂e)},
   * {@code r = (hi − n·ln2_hi) + (lo − n·ln2_lo)} (the first difference exact), then
   * {@code ((c + c·(r·q(r)))·2^{n+64})·2^{−64}}: {@code 2^{n+64}} is a normal float built in the exponent bits, so
   * that product is exact and only the last one rounds, where the result is subnormal. One rounding instead of
   * rounding e, its correction and the product separately; the 2⁶⁴ detour costs two operations where splitting 2ⁿ
   * into two normal halves cost six.
   */
  static FloatVector timesExp(FloatVector c, FloatVector hi, FloatVector lo) {
    FloatVector k = hi.fma(hi.broadcast(VExp.LOG2E), hi.broadcast(VExp.ROUND_F));
    FloatVector n = k.sub(VExp.ROUND_F);
    FloatVector r = n.fma(hi.broadcast(-VExp.LN2_HI), hi).add(n.fma(hi.broadcast(-VExp.LN2_LO), lo));
    FloatVector q = r.broadcast(Float.intBitsToFloat(VExp.EXP_Q_BITS[VExp.EXP_Q_BITS.length - 1]));
    for (int i = VExp.EXP_Q_BITS.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(Float.intBitsToFloat(VExp.EXP_Q_BITS[i])));
    }
    // k's low bits hold n (ROUND_F's own low 9 bits are zero), so k << 23 is n in the exponent field
    FloatVector scale = k.reinterpretAsInts().lanewise(LSHL, 23).add(SCALED_ONE_BITS).reinterpretAsFloats();
    return c.fma(r.mul(q), c).mul(scale).mul(0x1p-64f);
  }
}
