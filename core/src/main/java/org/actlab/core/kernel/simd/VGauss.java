package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;

/**
 * gelu_tanh for FLOAT32 results, computed in double lanes by its plain formula (a float input needs no
 * double-double argument: |v| &lt; 600 loses at most 10⁻¹³ relative), for {@code GeluTanhForm}'s widened lanes.
 * The double-accurate form is a graph too large for C2 to inline into the loops, and every vector was boxed.
 * (This class also held a double-lane exact gelu for float results, an erfcx polynomial; VGaussFloat replaced it,
 * three times faster, and it was removed: see the history.)
 */
public final class VGauss {

  /** Below −20 gelu_tanh and its derivative are −0.0 in float; clamping x there keeps ∞·0 out. */
  private static final double X_MIN = -20;
  /** gelu_tanh's 2·√(2/π) and 0.044715 (GeluTanh). */
  private static final double TANH_K = 1.5957691216057308;
  private static final double TANH_C = 0.044715;
  private static final DoubleVector ONE = DoubleVector.broadcast(Lanes.D, 1.0);
  /**
   * 1/(k+1)!, k = 0..11: e^r = 1 + r·Σ rᵏ/(k+1)!, truncated at r¹³/13! ≤ 2·10⁻¹⁶ relative for |r| ≤ ln2/2: full
   * double accuracy, for f', which cancels next to its root (with {@link #EXP_TAYLOR}, the float nearest the root,
   * −0.75246143, came out 18.6 ULP off).
   */
  private static final double[] EXP_TAYLOR_FULL = {1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720,
      1.0 / 5040, 1.0 / 40320, 1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600};
  /** k = 0..7, truncated at r⁹/9! ≤ 2·10⁻¹⁰ relative: enough for f, whose result is rounded to float. */
  private static final double[] EXP_TAYLOR = Arrays.copyOf(EXP_TAYLOR_FULL, 8);
  private static final double ROUND_D = 0x1.8p52; // (y + ROUND_D) − ROUND_D = rint(y) for |y| < 2⁵¹
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

  private VGauss() {}

  /**
   * {@code eᵃ} for −∞ ≤ a ≤ 700 (NaN gives NaN), to the truncation of {@code taylor}, inline: the vector-math
   * call spills every live vector. n = rint(a·log₂e), r = a − n·ln2 (one fma; |n| ≤ 1010 keeps its error near
   * 10⁻¹³, and near 10⁻¹⁶ for the small n next to the root of f'), the Taylor sum, times 2ⁿ built in the exponent
   * bits (ROUND_D's low bits are zero, so k's hold n). Arguments below −700 are clamped there (e⁻⁷⁰⁰ ≈ 10⁻³⁰⁴
   * already vanishes next to 1).
   */
  private static DoubleVector exp(DoubleVector a, double[] taylor) {
    DoubleVector c = a.blend(-700.0, a.compare(LT, -700.0));
    DoubleVector k = c.fma(c.broadcast(1.4426950408889634), c.broadcast(ROUND_D));
    DoubleVector n = k.sub(ROUND_D);
    DoubleVector r = n.fma(c.broadcast(-0.6931471805599453), c);
    DoubleVector q = r.broadcast(taylor[taylor.length - 1]);
    for (int i = taylor.length - 2; i >= 0; i--) {
      q = q.fma(r, r.broadcast(taylor[i]));
    }
    DoubleVector two = k.reinterpretAsLongs().lanewise(LSHL, 52).add(ONE_BITS).reinterpretAsDoubles();
    return r.fma(q, ONE).mul(two);
  }

  /**
   * gelu_tanh(x) = x·σ(v), v = K(x + 0.044715x³), for a float x in double lanes: {@code x/(1 + e^{−v})}. x is
   * clamped to [−20, ∞) (below −11 the float result is −0.0 anyway), so −∞ gives −0.0 instead of −∞/∞. With
   * the inline {@link #exp} instead of the vector-math call: 507–522 → 721–755 Melem/s (1M floats, one thread,
   * interleaved medians, same run).
   */
  public static DoubleVector geluTanh(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN);
    DoubleVector v = xc.mul(xc).lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    return xc.div(exp(v.neg(), EXP_TAYLOR).add(1.0));
  }

  /**
   * gelu_tanh'(x) = σ(v)(1 + x·σ(−v)·v') for a float x in double lanes, v' = K(1 + 3·0.044715x²), with
   * {@code σ(−v) = e·σ(v)}, e = e^{−v}; x clamped to [−20, 20] (beyond, f' is 1 or −0.0 in float). The bracket
   * cancels near the root −0.7525, but the double terms are exact to 10⁻¹⁶ and no float lies close enough to the
   * root to matter: every float within 0.6 of it was checked, all correctly rounded (no root series needed).
   * With the inline {@link #exp}, to full double accuracy, instead of the vector-math call (which spills every
   * live vector): 390–420 → 421–537 Melem/s backward at 1M floats, one thread (four alternating pairs of JVMs);
   * every float in [−12, 12] but (−10⁻⁴, 10⁻⁴) checked against the reference, none over 0.5 ULP of its rounding.
   * (The inline exp had once made C2 refuse to inline this method, "callee is too large", before JitInlining.)
   */
  public static DoubleVector geluTanhSlope(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN).min(-X_MIN);
    DoubleVector x2 = xc.mul(xc);
    DoubleVector v = x2.lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    DoubleVector e = exp(v.neg(), EXP_TAYLOR_FULL);
    DoubleVector s = ONE.div(e.add(1.0));
    DoubleVector slope = x2.lanewise(FMA, 3 * TANH_C, 1.0).mul(TANH_K);
    return s.mul(e.mul(s).mul(xc).lanewise(FMA, slope, ONE));
  }
}
