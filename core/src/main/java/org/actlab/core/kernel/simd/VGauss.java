package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.math.RootSeries;

/**
 * Gaussian-CDF forms for FLOAT32 results, computed in double lanes: {@code erfcx(u) = e^{u²}·erfc(u)} by one
 * polynomial instead of fdlibm's four rational pieces and exact gelu built on it; gelu_tanh by its plain formula
 * (in double, a float input needs no double-double argument: |v| &lt; 600 loses at most 10⁻¹³ relative).
 *
 * <p>Why: the double-accurate {@link VErf} path (blends of four rationals, split exponentials) is a graph too large
 * for C2 to inline into the loops (PrintInlining: "NodeCountInliningCutoff", "already compiled into a big method"),
 * so its calls stay out of line, every vector is boxed and gelu ran at 20–50 Melem/s. A float32 result needs far
 * less: a relative error of 10⁻¹⁰ in double costs 0.002 float ULP. Every operation counts against C2's node budget
 * (each vector op inlines a dozen methods before it folds), so the code is written for few operations: constants
 * folded into the coefficients, limits reached by clamping instead of extra blends.
 *
 * <p>The polynomial: on u ∈ [0, 10.5], {@code y = (29u − 42)/(21u + 42)} (the map {@code (u−2)/(u+2)} used for
 * float erfc by N. Juffa, rescaled onto [−1, 1]); a degree-12 Chebyshev fit of erfcx (mpmath, 40 digits, 80
 * Chebyshev nodes) converted exactly to monomials (their absolute sum is 1.01, so Horner loses nothing), halved
 * here; maximum relative error 2.8·10⁻¹⁰ on 6001 points against mpmath. Beyond u = 10.5 (|x| &gt; 14.8) gelu and its
 * derivative are ±0 or x in float, so u is clamped there.
 */
public final class VGauss {

  /** erfcx(u)/2 as a polynomial in y (see the class comment), highest degree last. */
  private static final double[] H = {0.16512852951555015, -0.21446033159209768, 0.09873055308512217,
      -0.023568711716425196, -0.0005102565615399983, 0.0015236639082112204, 4.013278838965002e-05,
      -0.00013230600976448648, -1.9883935981744146e-05, 1.120517710235602e-05, 4.397279593373576e-06,
      -5.448167010272683e-07, -4.972406864114303e-07};
  private static final double U_MAX = 10.5;
  /** Below −20 gelu and gelu' are −0.0 in float; clamping x there keeps ∞·0 out. */
  private static final double X_MIN = -20;
  private static final double INV_SQRT2 = 0.7071067811865476;
  private static final double INV_SQRT_2PI = 0.3989422804014327;
  /** gelu_tanh's 2·√(2/π) and 0.044715 (GeluTanh). */
  private static final double TANH_K = 1.5957691216057308;
  private static final double TANH_C = 0.044715;
  private static final DoubleVector ONE = DoubleVector.broadcast(Lanes.D, 1.0);
  private static final double R_HI = RootSeries.GELU.hi();
  private static final double R_LO = RootSeries.GELU.lo();
  private static final double R0 = RootSeries.GELU.coefficient(0);
  private static final double R1 = RootSeries.GELU.coefficient(1);
  private static final double R2 = RootSeries.GELU.coefficient(2);
  private static final double R3 = RootSeries.GELU.coefficient(3);
  private static final double R4 = RootSeries.GELU.coefficient(4);
  private static final double ROOT_WINDOW = 0.01;
  private static final VectorMask<Float> LOWER = Lanes.F.indexInRange(0, Lanes.D.length());
  private static final VectorMask<Float> UPPER = LOWER.not();

  private VGauss() {}

  /** {@code erfcx(|x|/√2)/2}, relative error below 3·10⁻¹⁰; then {@code Φ(−|x|) = e^{−x²/2}·h}. */
  public static DoubleVector halfErfcx(DoubleVector x) {
    DoubleVector u = x.abs().mul(INV_SQRT2).min(U_MAX);
    DoubleVector y = u.fma(29.0, -42.0).div(u.fma(21.0, 42.0));
    DoubleVector h = y.broadcast(H[H.length - 1]);
    for (int k = H.length - 2; k >= 0; k--) {
      h = h.lanewise(FMA, y, H[k]);
    }
    return h;
  }

  /**
   * gelu(x) = x·Φ(x) for a float x in double lanes (x² exact): {@code q = e^{−x²/2}·h = Φ(−|x|)}, then x·q for
   * x &lt; 0 and x·(1 − q) otherwise; +∞ gives +∞ (q = 0), −∞ and x &lt; −20 give −0.0 (x clamped to −20, q = 0 or
   * far below float's range).
   */
  public static DoubleVector gelu(DoubleVector x) {
    DoubleVector q = x.mul(x).mul(-0.5).lanewise(EXP).mul(halfErfcx(x));
    return x.max(X_MIN).mul(ONE.sub(q).blend(q, x.compare(LT, 0.0)));
  }

  /**
   * gelu'(x) = Φ(x) + x·φ(x) for a float x in double lanes: {@code (1 − g·h) + x·g/√(2π)} for x ≥ 0 (no
   * cancellation), {@code g·(h + x/√(2π))} for x &lt; 0, g = e^{−x²/2}; the bracket cancels near the root −0.7518,
   * where h's 3·10⁻¹⁰ would cost up to 10⁴ ULP: within 0.01 of it, five terms of the RootSeries.GELU Taylor series
   * (truncation 10⁻¹¹ relative; VRoots' full 0.4-wide window would not fit C2's inlining budget). x clamped to
   * [−20, 20] in x/√(2π) keeps ∞·0 out: +∞ gives 1, −∞ gives −0.0, as the reference.
   */
  public static DoubleVector geluSlope(DoubleVector x) {
    DoubleVector g = x.mul(x).mul(-0.5).lanewise(EXP);
    DoubleVector h = halfErfcx(x);
    DoubleVector xs = x.max(X_MIN).min(-X_MIN).mul(INV_SQRT_2PI);
    DoubleVector pos = xs.fma(g, ONE.sub(g.mul(h)));
    DoubleVector d = pos.blend(h.add(xs).mul(g), x.compare(LT, 0.0));
    // |x − r| < 0.01: t·(c0 + c1·t + … + c4·t⁴) from RootSeries.GELU (t exact: x − r_hi is, by Sterbenz)
    DoubleVector t = x.sub(R_HI).sub(R_LO);
    DoubleVector near = t.lanewise(FMA, R4, R3).lanewise(FMA, t, R2).lanewise(FMA, t, R1).lanewise(FMA, t, R0);
    return d.blend(near.mul(t), t.abs().compare(LT, ROOT_WINDOW));
  }

  /**
   * gelu in float lanes: each half widened, {@link #gelu(DoubleVector)}, rounded once. The halves go through a
   * two-trip loop so that C2 parses the double code once: written out twice it exceeded C2's inlining node budget
   * (NodeCountInliningCutoff) and the second half and the join were called out of line, boxing the vectors.
   */
  public static FloatVector gelu(FloatVector x) {
    FloatVector out = x;
    for (int part = 0; part < 2; part++) {
      DoubleVector r = gelu((DoubleVector) x.convertShape(F2D, Lanes.D, part));
      out = out.blend((FloatVector) r.convertShape(D2F, Lanes.F, -part), part == 0 ? LOWER : UPPER);
    }
    return out;
  }

  /** gelu' in float lanes: each half widened, {@link #geluSlope(DoubleVector)}, rounded once (loop: see gelu). */
  public static FloatVector geluSlope(FloatVector x) {
    FloatVector out = x;
    for (int part = 0; part < 2; part++) {
      DoubleVector r = geluSlope((DoubleVector) x.convertShape(F2D, Lanes.D, part));
      out = out.blend((FloatVector) r.convertShape(D2F, Lanes.F, -part), part == 0 ? LOWER : UPPER);
    }
    return out;
  }

  /**
   * gelu_tanh(x) = x·σ(v), v = K(x + 0.044715x³), for a float x in double lanes: {@code x/(1 + e^{−v})}. x is
   * clamped to [−20, ∞) (below −11 the float result is −0.0 anyway), so −∞ gives −0.0 instead of −∞/∞.
   */
  public static DoubleVector geluTanh(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN);
    DoubleVector v = xc.mul(xc).lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    return xc.div(v.neg().lanewise(EXP).add(1.0));
  }

  /**
   * gelu_tanh'(x) = σ(v)(1 + x·σ(−v)·v') for a float x in double lanes, v' = K(1 + 3·0.044715x²), with
   * {@code σ(−v) = e·σ(v)}, e = e^{−v}; x clamped to [−20, 20] (beyond, f' is 1 or −0.0 in float). The bracket
   * cancels near the root −0.7525, but the double terms are exact to 10⁻¹⁶ and no float lies close enough to the
   * root to matter: every float within 0.6 of it was checked, all correctly rounded (no root series needed).
   */
  public static DoubleVector geluTanhSlope(DoubleVector x) {
    DoubleVector xc = x.max(X_MIN).min(-X_MIN);
    DoubleVector x2 = xc.mul(xc);
    DoubleVector v = x2.lanewise(FMA, TANH_C, 1.0).mul(xc).mul(TANH_K);
    DoubleVector e = v.neg().lanewise(EXP);
    DoubleVector s = ONE.div(e.add(1.0));
    DoubleVector slope = x2.lanewise(FMA, 3 * TANH_C, 1.0).mul(TANH_K);
    return s.mul(e.mul(s).mul(xc).lanewise(FMA, slope, ONE));
  }
}
