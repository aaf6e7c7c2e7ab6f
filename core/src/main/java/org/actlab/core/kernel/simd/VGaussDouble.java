package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import org.actlab.core.math.Gauss;

/**
 * Exact gelu and its derivative in double lanes: the scalar reference's {@link Gauss} (the same operations in the
 * same order, the same table bits, so the same results to the bit), {@link VGaussFloat}'s decomposition at double
 * precision. With a = |x|, {@code Φ(−a) = e^{−a²/2}·H(a)} and {@code gelu'(x) = e^{−a²/2}·(a − r)·W(a)} for x &lt; 0
 * (1 minus it above), H and W from per-interval polynomials picked lane by lane with permutes, and the exponential
 * inline, compensated for the rounding of a² and fused with its multiplicand. The library version
 * it replaces (fdlibm's erfc pieces, five vector-math calls) was too large a graph for C2: some of its helpers
 * stayed calls and boxed every vector, 25–40 Melem/s forward and 17–21 backward at 64K doubles, against PyTorch's
 * 77–94.
 *
 * <p>The intervals are half binades of a (entry 0 is [0, 1/2)), found from a's bits, so the centre c and
 * {@code t = a − c} are exact (but for a below 7/32: see {@link Gauss}); 14 entries, so each coefficient is one
 * two-vector permute of a 16-entry row. Quarter binades (26 entries, degree 13 instead of 17) took two permutes
 * and a blend per coefficient and a mask, and their graph went over C2's node budget (a helper left a call,
 * boxing every vector: 85–115 Melem/s). The rows are kept as the doubles' bits in long arrays: C2 cannot hoist a
 * load from a double array out of a loop that stores to double arrays (they might alias), and reloads it for
 * every vector.
 *
 * <p>Branch-free: |x| is clamped to 39 (gelu(−39) is below half the smallest subnormal), ±∞ give x or −0.0 and 1
 * or −0.0 for f', NaN propagates through t (its lanes pick some table entry). A subnormal result is rounded once,
 * from a normal intermediate scaled by 2¹²⁸. Needs 8 double lanes ({@link #SUPPORTED}); elsewhere
 * {@link org.actlab.core.kernel.simd.form.GeluForm} keeps the library version.
 */
public final class VGaussDouble {

  public static final boolean SUPPORTED = Lanes.D.length() == 8;

  private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
  private static final int ROW = 8;

  private static final long[] H = Gauss.hBits();
  private static final long[] W = Gauss.wBits();
  private static final long[] EXP_Q = Gauss.expQBits();

  private VGaussDouble() {}

  /**
   * gelu(x) = x·Φ(x): {@code g = a·Φ(−a) = a·H(a)·e^{−a²/2}}, then {@code −0.0 − g} for x &lt; 0 and x − g otherwise
   * (±0 keep their sign, +∞ stays +∞, −∞ gives −0.0).
   */
  public static DoubleVector gelu(DoubleVector x) {
    DoubleVector a = magnitude(x);
    LongVector half = halfBinade(a);
    DoubleVector h = poly(H, Gauss.DEGREE_H, half.sub(Gauss.FIRST), a.sub(centre(half)));
    DoubleVector g = timesGauss(a.mul(h), a);
    return x.blend(-0.0, x.compare(LT, 0.0)).sub(g);
  }

  /** gelu'(x) = Φ(x) + x·φ(x): {@code m = e^{−a²/2}·(a − r)·W(a)}, then m for x &lt; 0 and 1 − m above. */
  public static DoubleVector geluSlope(DoubleVector x) {
    DoubleVector a = magnitude(x);
    LongVector half = halfBinade(a);
    DoubleVector w = poly(W, Gauss.DEGREE_W, half.sub(Gauss.FIRST), a.sub(centre(half)));
    DoubleVector m = timesGauss(a.sub(Gauss.ROOT_HI).sub(Gauss.ROOT_LO).mul(w), a);
    return x.broadcast(1.0).sub(m).blend(m, x.compare(LT, 0.0));
  }

  /** min(|x|, 39) with NaN kept, by a compare and a blend ({@code min} pays for Java's NaN and −0.0 rules). */
  private static DoubleVector magnitude(DoubleVector x) {
    DoubleVector a = x.abs();
    return a.blend(Gauss.CLAMP, a.compare(GT, Gauss.CLAMP));
  }

  /**
   * a's bits shifted to its sign, exponent and leading mantissa bit (its half binade), at least those of [3/8, 1/2):
   * minus {@link Gauss#FIRST}, the table entry (a NaN's is out of range and wraps).
   */
  private static LongVector halfBinade(DoubleVector a) {
    return a.reinterpretAsLongs().lanewise(LSHR, 51).max(Gauss.FIRST);
  }

  /** The interval's centre: the half binade's start plus half its width (7/16 below 1/2), exact. */
  private static DoubleVector centre(LongVector halfBinade) {
    return halfBinade.lanewise(LSHL, 51).or(Gauss.HALF_STEP).reinterpretAsDoubles();
  }

  /**
   * The degree-{@code degree} polynomial of each lane's entry at t: Horner with fma from 0 through the rows in
   * table order (the coefficients from the highest down to t's, then the constant's low part), so
   * {@code r·t + c0_lo} comes last, and then {@code c0 + r}: the only rounding at the size of the result is that
   * addition. One call site of {@link #select} in the loop and one after it, as each inlined copy costs C2's
   * node budget (a few thousand nodes for the quarter-binade version's).
   */
  private static DoubleVector poly(long[] table, int degree, LongVector entry, DoubleVector t) {
    DoubleVector r = t.broadcast(0.0);
    for (int row = 0; row <= degree; row++) {
      r = r.fma(t, select(table, row, entry));
    }
    return select(table, degree + 1, entry).add(r);
  }

  /** Row {@code row}'s value for each lane's entry: one two-vector permute. */
  private static DoubleVector select(long[] table, int row, LongVector entry) {
    int at = Gauss.ENTRIES * row;
    return entry.selectFrom(LongVector.fromArray(L, table, at), LongVector.fromArray(L, table, at + ROW))
        .reinterpretAsDoubles();
  }

  /** {@code c·e^{−a²/2}}: {@code −a/2} exact, a·(−a/2) split by fma into hi + lo. */
  private static DoubleVector timesGauss(DoubleVector c, DoubleVector a) {
    DoubleVector h = a.mul(-0.5);
    DoubleVector hi = a.mul(h);
    return timesExp(c, hi, a.fma(h, hi.neg()));
  }

  /**
   * {@code c·e^{hi + lo}} for −761 ≤ hi ≤ 0, |lo| ≤ ulp(hi): {@code n = rint(hi·log₂e)},
   * {@code r = (hi − n·ln2_hi) + (lo − n·ln2_lo)} (the first difference exact), {@code eʳ = 1 + r·Q(r)}, then
   * {@code ((c + c·(r·Q))·2^{n+128})·2^{−128}}, the power of two built in the exponent bits: only the last product
   * rounds where the result is subnormal.
   */
  private static DoubleVector timesExp(DoubleVector c, DoubleVector hi, DoubleVector lo) {
    DoubleVector k = hi.fma(hi.broadcast(Gauss.LOG2E), hi.broadcast(Gauss.ROUND_D));
    DoubleVector n = k.sub(Gauss.ROUND_D);
    DoubleVector r = n.fma(hi.broadcast(-Gauss.LN2_HI), hi).add(n.fma(hi.broadcast(-Gauss.LN2_LO), lo));
    DoubleVector q = r.broadcast(Double.longBitsToDouble(EXP_Q[EXP_Q.length - 1]));
    for (int i = EXP_Q.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(Double.longBitsToDouble(EXP_Q[i])));
    }
    // k's low bits hold n (ROUND_D's own low 51 bits are zero), so k << 52 is n in the exponent field
    DoubleVector scale = k.reinterpretAsLongs().lanewise(LSHL, 52).add(Gauss.SCALED_ONE_BITS).reinterpretAsDoubles();
    return c.fma(r.mul(q), c).mul(scale).mul(0x1p-128);
  }
}
