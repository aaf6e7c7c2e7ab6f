package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.FloatVector;

/**
 * {@code c·e^{hi + lo}} in float lanes, rounded once, also where the result is subnormal: the compensated inline
 * exponential that {@link VGaussFloat} and {@link VMishFloat} fuse with their multiplicand.
 */
final class VExpProduct {

  private static final float LOG2E = 1.44269504f;
  private static final float LN2_HI = 0.693145751953125f; // 16 bits: n·LN2_HI and r below are exact
  private static final float LN2_LO = 1.42860677e-6f;
  private static final float ROUND_F = 0x1.8p23f;
  /**
   * (eʳ − 1)/r ≈ q(r) of degree 5 for |r| ≤ ln2/2, a relative least-squares fit of 1 + r·q to eʳ in float
   * coefficients (the Taylor terms, one degree higher, cost an fma more): 1 + r·q within 3.7·10⁻⁹ of eʳ, relative.
   */
  private static final float[] EXP_Q = {1.0f, 0.49999988079071045f, 0.166665181517601f, 0.04166965186595917f,
      0.008368956856429577f, 0.001374510582536459f};
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
    FloatVector k = hi.fma(hi.broadcast(LOG2E), hi.broadcast(ROUND_F));
    FloatVector n = k.sub(ROUND_F);
    FloatVector r = n.fma(hi.broadcast(-LN2_HI), hi).add(n.fma(hi.broadcast(-LN2_LO), lo));
    FloatVector q = r.broadcast(EXP_Q[EXP_Q.length - 1]);
    for (int i = EXP_Q.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(EXP_Q[i]));
    }
    // k's low bits hold n (ROUND_F's own low 9 bits are zero), so k << 23 is n in the exponent field
    FloatVector scale = k.reinterpretAsInts().lanewise(LSHL, 23).add(SCALED_ONE_BITS).reinterpretAsFloats();
    return c.fma(r.mul(q), c).mul(scale).mul(0x1p-64f);
  }
}
