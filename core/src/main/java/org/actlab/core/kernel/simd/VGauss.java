package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.FMA;

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

  private VGauss() {}

  /**
   * gelu_tanh(x) = x·σ(v), v = K(x + 0.044715x³), for a float x in double lanes: {@code x/(1 + e^{−v})}. x is
   * clamped to [−20, ∞) (below −11 the float result is −0.0 anyway), so −∞ gives −0.0 instead of −∞/∞. With
   * the inline exponential ({@link VExpInline}) instead of the vector-math call: 507–522 → 721–755 Melem/s (1M
   * floats, one thread, interleaved medians, same run).
   */
  public static DoubleVector geluTanh(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN);
    DoubleVector v = xc.mul(xc).lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    return xc.div(VExpInline.forFloat(v.neg()).add(1.0));
  }

  /**
   * gelu_tanh'(x) = σ(v)(1 + x·σ(−v)·v') for a float x in double lanes, v' = K(1 + 3·0.044715x²), with
   * {@code σ(−v) = e·σ(v)}, e = e^{−v}; x clamped to [−20, 20] (beyond, f' is 1 or −0.0 in float). The bracket
   * cancels near the root −0.7525, but the double terms are exact to 10⁻¹⁶ and no float lies close enough to the
   * root to matter: every float within 0.6 of it was checked, all correctly rounded (no root series needed).
   * With the inline exponential ({@link VExpInline}), to full double accuracy, instead of the vector-math call
   * (which spills every live vector): 390–420 → 421–537 Melem/s backward at 1M floats, one thread (four alternating pairs of JVMs);
   * every float in [−12, 12] but (−10⁻⁴, 10⁻⁴) checked against the reference, none over 0.5 ULP of its rounding.
   * (The inline exp had once made C2 refuse to inline this method, "callee is too large", before JitInlining.)
   */
  public static DoubleVector geluTanhSlope(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN).min(-X_MIN);
    DoubleVector x2 = xc.mul(xc);
    DoubleVector v = x2.lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    DoubleVector e = VExpInline.full(v.neg());
    DoubleVector s = ONE.div(e.add(1.0));
    DoubleVector slope = x2.lanewise(FMA, 3 * TANH_C, 1.0).mul(TANH_K);
    return s.mul(e.mul(s).mul(xc).lanewise(FMA, slope, ONE));
  }
}
