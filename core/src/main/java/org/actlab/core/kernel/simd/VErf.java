package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Lane-wise {@code erf} and {@code erfc} in double lanes: the algorithm and coefficients of
 * {@link org.actlab.core.math.Erf} (fdlibm {@code s_erf.c} 5.1, Copyright (C) 1993 Sun Microsystems, Inc.,
 * "Permission to use, copy, modify, and distribute this software is freely granted, provided that this notice
 * is preserved"), with fdlibm's intervals selected per lane by blends. Every piece is evaluated on an argument
 * clamped into its own interval, so a discarded lane never computes ∞ or NaN. Pieces with disjoint intervals
 * share one division: their numerators and denominators are blended first ({@code x·P/Q} on |x| &lt; 0.84375
 * with {@code P/Q} at {@code s = |x| − 1} on [0.84375, 1.25); the two tail rationals R/S in 1/x²).
 */
public final class VErf {

  private VErf() {}

  /** erx = 0.84506291151 rounded to float (fdlibm). */
  public static final double ERX = 8.45062911510467529297e-01;
  /** fdlibm's switch between its two tail rationals, 1/0.35 cut at its high word 0x4006DB6E. */
  private static final double TAIL_SPLIT = Double.longBitsToDouble(0x4006DB6E00000000L);

  private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
      -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05, 0, 0};
  private static final double[] QQ = {1, 3.97917223959155352819e-01, 6.50222499887672944485e-02,
      5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06, 0};
  private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
      -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01,
      3.54783043256182359371e-02, -2.16637559486879084300e-03};
  private static final double[] QA = {1, 1.06420880400844228286e-01, 5.40397917702171048937e-01,
      7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02,
      1.19844998467991074170e-02};
  private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
      -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02,
      -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00, 0};
  private static final double[] SA = {1, 1.96512716674392571292e+01, 1.37657754143519042600e+02,
      4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02,
      1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02};
  private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
      -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02,
      -1.02509513161107724954e+03, -4.83519191608651397019e+02, 0, 0};
  private static final double[] SB = {1, 3.03380607434824582924e+01, 3.25792512996573918826e+02,
      1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03,
      4.74528541206955367215e+02, -2.24409524465858183362e+01, 0};

  /** Horner with per-lane coefficients: {@code a[k]} where {@code m} is set, {@code b[k]} elsewhere. */
  private static DoubleVector poly(DoubleVector s, double[] a, double[] b, VectorMask<Double> m) {
    int k = a.length - 1;
    DoubleVector r = s.broadcast(b[k]).blend(a[k], m);
    for (k--; k >= 0; k--) {
      r = r.mul(s).add(s.broadcast(b[k]).blend(a[k], m)); // not fused: the scalar Erf's roundings
    }
    return r;
  }

  /**
   * The core ratio on |x| &lt; 1.25 (clamped, so any input is safe): {@code P(x²)/Q(x²)} where |x| &lt; 0.84375
   * (then erf(x) = x + x·ratio), else {@code P(|x|−1)/Q(|x|−1)} (then erf(|x|) = erx + ratio).
   */
  public static DoubleVector coreRatio(DoubleVector x) {
    DoubleVector ax = x.abs().min(1.25);
    VectorMask<Double> small = ax.compare(LT, 0.84375);
    DoubleVector s = ax.mul(ax).blend(ax.sub(1.0), small.not());
    return poly(s, PP, PA, small).div(poly(s, QQ, QA, small));
  }

  /**
   * fdlibm's tail ratio {@code R/S(1/u²) ≈ ln(u·erfc(u)) + u² + 0.5625} for u ≥ 1.25 (smaller lanes are clamped
   * to 1.25; +∞ gives the limit).
   */
  public static DoubleVector tailRatio(DoubleVector u) {
    DoubleVector v = u.max(1.25);
    DoubleVector s = v.broadcast(1.0).div(v.mul(v));
    VectorMask<Double> near = v.compare(LT, TAIL_SPLIT);
    return poly(s, RA, RB, near).div(poly(s, SA, SB, near));
  }

  /**
   * {@code erfc(u)} for 1.25 ≤ u ≤ 28 from its tail ratio, with fdlibm's exact split of {@code −u²}: z is u with
   * the low 32 bits cleared. Callers clamp u into [1.25, 28] so that every lane stays finite.
   */
  public static DoubleVector tail(DoubleVector u, DoubleVector ratio) {
    DoubleVector z = u.reinterpretAsLongs().and(0xffffffff00000000L).reinterpretAsDoubles();
    DoubleVector a = z.mul(z).neg().sub(0.5625).lanewise(EXP);
    DoubleVector b = z.sub(u).mul(z.add(u)).add(ratio).lanewise(EXP);
    return a.mul(b).div(u);
  }

  /** {@code erf(x)} lane-wise (fdlibm's pieces; ±∞ gives ±1, NaN gives NaN). */
  public static DoubleVector erf(DoubleVector x) {
    DoubleVector ax = x.abs();
    DoubleVector u = ax.max(1.25).min(6.0);
    DoubleVector far = tail(u, tailRatio(u)).neg().add(1.0); // 1 − erfc(|x|), 1.25 ≤ |x| < 6
    far = far.blend(1.0, ax.compare(GE, 6.0));
    DoubleVector q = coreRatio(x);
    DoubleVector near = q.add(ERX);
    DoubleVector mid = far.blend(near, ax.compare(LT, 1.25));
    DoubleVector signed = mid.reinterpretAsLongs() // copySign(mid, x)
        .or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    return signed.blend(x.add(x.mul(q)), ax.compare(LT, 0.84375));
  }

  /** {@code erfc(x) = 1 − erf(x)} lane-wise, accurate where it is tiny; fdlibm's no-cancellation branches. */
  public static DoubleVector erfc(DoubleVector x) {
    DoubleVector ax = x.abs();
    DoubleVector u = ax.max(1.25).min(28.0);
    return erfc(x, tail(u, tailRatio(u)));
  }

  /**
   * {@code erfc(x)} given {@code tail = erfc(min(max(|x|, 1.25), 28))} (callers that already have the tail ratio
   * of |x| share it, as gelu does).
   */
  public static DoubleVector erfc(DoubleVector x, DoubleVector tail) {
    DoubleVector ax = x.abs();
    VectorMask<Double> pos = x.compare(GT, 0.0);
    DoubleVector far = tail.neg().add(2.0).blend(tail, pos); // 2 − erfc(|x|) for x < 0
    far = far.blend(2.0, x.compare(LT, -6.0)).blend(0.0, x.compare(GE, 28.0));
    DoubleVector q = coreRatio(x);
    DoubleVector near = q.add(ERX).add(1.0).blend(q.neg().add(1 - ERX), pos);
    DoubleVector t = x.mul(q); // |x| < 0.84375: erf(x) − x
    DoubleVector small = x.add(t).neg().add(1.0)
        .blend(x.sub(0.5).add(t).neg().add(0.5), x.compare(GE, 0.25));
    return far.blend(near, ax.compare(LT, 1.25)).blend(small, ax.compare(LT, 0.84375));
  }
}
