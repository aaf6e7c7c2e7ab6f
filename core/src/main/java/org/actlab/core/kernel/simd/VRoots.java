package org.actlab.core.kernel.simd;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.math.QuarterPi;
import org.actlab.core.math.Root;
import org.actlab.core.math.RootSeries;

/**
 * Lane-wise root corrections of f' (the scalar references' {@link Root} series and {@link QuarterPi} reduction):
 * each method takes x (and the parameters) and the vector form's ordinary f', and returns f' with the lanes next
 * to a root of f' replaced by the root-accurate value; {@link #near} and {@link #at} are the pieces, for the
 * {@link RootSeriesForm}s that keep the series apart. Both branches are safe: the series is a polynomial of the
 * finite or infinite t = v − r, and its lanes are only selected when |t| is inside the window (never for NaN or
 * ±∞), so nothing leaks into the result. When no lane is near a root, the ordinary vector is returned unchanged.
 */
public final class VRoots {

  private static final double ROUND = 0x1.8p52; // (y + ROUND) − ROUND = rint(y) for |y| < 2^51
  private static final double INV_PI = 0.3183098861837907;

  private VRoots() {}

  /** mish'. */
  public static DoubleVector mish(DoubleVector x, DoubleVector ordinary) {
    return series(RootSeries.MISH, x, null, ordinary);
  }

  /** gelu' (exact gelu). */
  public static DoubleVector gelu(DoubleVector x, DoubleVector ordinary) {
    return series(RootSeries.GELU, x, null, ordinary);
  }

  /** gelu_tanh'. */
  public static DoubleVector geluTanh(DoubleVector x, DoubleVector ordinary) {
    return series(RootSeries.GELU_TANH, x, null, ordinary);
  }

  /** serf'. */
  public static DoubleVector serf(DoubleVector x, DoubleVector ordinary) {
    return series(RootSeries.SERF, x, null, ordinary);
  }

  /**
   * snake' at p = {alpha}: where the ordinary {@code 1 + sin 2αx} is below 1/2 and |αx| &lt; {@link QuarterPi#LIMIT},
   * {@code 2 sin²(αx + π/4)} with the Cody–Waite reduction of {@link QuarterPi}, lane-wise.
   */
  public static DoubleVector snake(DoubleVector x, double[] p, DoubleVector ordinary) {
    DoubleVector u = x.mul(p[0]);
    VectorMask<Double> use = ordinary.compare(LT, 0.5).and(u.abs().compare(LT, QuarterPi.LIMIT));
    if (!use.anyTrue()) {
      return ordinary;
    }
    DoubleVector uLo = x.lanewise(FMA, p[0], u.neg());
    u = u.blend(0.0, use.not()); // keep discarded lanes finite and small
    uLo = uLo.blend(0.0, use.not());
    DoubleVector n = u.add(RootSeries.PI4_1).mul(INV_PI).add(ROUND).sub(ROUND);
    DoubleVector m = n.mul(4.0).sub(1.0);
    DoubleVector p1 = m.mul(RootSeries.PI4_1);
    DoubleVector s = u.sub(p1);
    DoubleVector e0 = twoSumErr(u, p1.neg(), s);
    DoubleVector p2 = m.mul(RootSeries.PI4_2);
    DoubleVector w1 = s.sub(p2);
    DoubleVector e1 = twoSumErr(s, p2.neg(), w1);
    DoubleVector p3 = m.mul(RootSeries.PI4_3);
    DoubleVector p3e = m.lanewise(FMA, RootSeries.PI4_3, p3.neg());
    DoubleVector a = w1.add(uLo);
    DoubleVector ea = twoSumErr(w1, uLo, a);
    DoubleVector b = a.sub(p3);
    DoubleVector eb = twoSumErr(a, p3.neg(), b);
    DoubleVector lo = ea.add(eb).add(e0.add(e1)).sub(p3e).sub(m.mul(RootSeries.PI4_4));
    DoubleVector w = b.add(lo);
    DoubleVector wLo = twoSumErr(b, lo, w);
    DoubleVector sin = w.lanewise(SIN).add(wLo.mul(w.lanewise(COS)));
    return ordinary.blend(sin.mul(sin).mul(2.0), use);
  }

  private static DoubleVector series(Root r, DoubleVector v, DoubleVector vLo, DoubleVector ordinary) {
    VectorMask<Double> near = near(r, v);
    if (!near.anyTrue()) {
      return ordinary;
    }
    return ordinary.blend(at(r, v, vLo == null ? v.broadcast(0.0) : vLo), near);
  }

  /** The lanes within root r's window, where its series replaces the ordinary f' (false for NaN). */
  public static VectorMask<Double> near(Root r, DoubleVector v) {
    return v.sub(r.hi()).abs().compare(LT, r.halfWidth()); // false for NaN
  }

  /** {@link Root#at(double, double)} lane-wise: t = v + vLo − r in double-double, then t·Q(t). */
  public static DoubleVector at(Root r, DoubleVector v, DoubleVector vLo) {
    DoubleVector d = v.sub(r.hi());
    DoubleVector s = d.add(vLo);
    DoubleVector sErr = twoSumErr(d, vLo, s);
    DoubleVector t = s.sub(r.lo());
    DoubleVector tErr = twoSumErr(s, v.broadcast(-r.lo()), t);
    DoubleVector tLo = sErr.add(tErr).sub(r.lo2());
    DoubleVector q = v.broadcast(r.coefficient(r.degree()));
    for (int k = r.degree() - 1; k >= 0; k--) {
      q = q.lanewise(FMA, t, v.broadcast(r.coefficient(k)));
    }
    return q.lanewise(FMA, t, q.mul(tLo));
  }

  /** {@code a + b − s} exactly, for s = a + b rounded (two-sum), lane-wise. */
  static DoubleVector twoSumErr(DoubleVector a, DoubleVector b, DoubleVector s) {
    DoubleVector bb = s.sub(a);
    return a.sub(s.sub(bb)).add(b.sub(bb));
  }
}
