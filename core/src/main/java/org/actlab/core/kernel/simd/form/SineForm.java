package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.COS;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VSinDouble;
import org.actlab.core.kernel.simd.VSinFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * sine lane-wise, mirroring {@link org.actlab.core.activation.fn.Sine}: {@code sin(t + err)} by the angle-sum
 * formula, t = w0·x rounded, err its exact remainder (fma; 0 where t is not finite), with the reference's
 * reduction ({@link VSinDouble}) in the lanes next to a zero, where the formula cancels. Float inputs take an
 * inline reduction and polynomial ({@link VSinFloat}) for |w0·x| &lt; 2⁴⁹, the library sine and cosine beyond.
 */
public final class SineForm implements VectorForm {

  @Override
  public String id() {
    return "sine";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(p[0]);
    DoubleVector err = productError(x, p[0], t);
    DoubleVector y = sinOfSum(t, err);
    VectorMask<Double> near = cancels(y, t, err);
    return near.anyTrue() ? y.blend(VSinDouble.sin(t, err), near) : y;
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(p[0]);
    DoubleVector err = productError(x, p[0], t);
    DoubleVector d = cosOfSum(t, err);
    VectorMask<Double> near = cancels(d, t, err);
    return (near.anyTrue() ? d.blend(VSinDouble.cos(t, err), near) : d).mul(p[0]);
  }

  /**
   * The lanes where the angle-sum result v is next to a zero, |v| &lt; 64·|err|: there its two terms cancel (the
   * library sine of t is rounded relative to itself, about |err|), and v is recomputed from the reference's
   * double-double reduction ({@link VSinDouble}), for |t| below its limit. Rare (|err| ≤ ulp(t)/2), so the branch
   * costs nothing in the usual profile; taken, the loop goes over C2's node budget and boxes, slow but right.
   */
  private static VectorMask<Double> cancels(DoubleVector v, DoubleVector t, DoubleVector err) {
    return v.abs().compare(LT, err.abs().mul(64.0)).and(VSinDouble.far(t).not());
  }

  /**
   * f for float inputs, whose result is rounded to float: {@link VSinFloat}'s reduction and polynomials, the
   * vector-math path ({@link #f(DoubleVector, double[])}) only in lanes with |w0·x| ≥ 2⁴⁹.
   */
  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    return sinWidened(x, p[0]);
  }

  /** {@code sin(w·x)} for float inputs, as {@link #fWidened} (snake's forward too, with w = α). */
  static DoubleVector sinWidened(DoubleVector x, double w) {
    DoubleVector t = x.mul(w);
    DoubleVector err = productError(x, w, t);
    DoubleVector y = VSinFloat.sin(t, err);
    VectorMask<Double> far = VSinFloat.far(t);
    return far.anyTrue() ? y.blend(sinOfSum(t, err), far) : y;
  }

  /** f' for float inputs, as {@link #fWidened}. */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector t = x.mul(p[0]);
    DoubleVector err = productError(x, p[0], t);
    DoubleVector d = VSinFloat.cos(t, err);
    VectorMask<Double> far = VSinFloat.far(t);
    return (far.anyTrue() ? d.blend(cosOfSum(t, err), far) : d).mul(p[0]);
  }

  /**
   * {@code fma(x, a, −t)}, 0 where t is not finite (Sine.productError). The finiteness test is a comparison:
   * {@code test(IS_FINITE)} is not intrinsified, and its mask was allocated for every vector.
   */
  static DoubleVector productError(DoubleVector x, double a, DoubleVector t) {
    return x.fma(x.broadcast(a), t.neg()).blend(0.0, t.abs().compare(LT, Double.POSITIVE_INFINITY).not());
  }

  /**
   * {@code sin(t + err)} by the angle-sum formula. cos err and sin err are exact to double by Taylor terms where
   * |err| &lt; 2⁻²⁰ (every lane whose product is below about 2³³), and come from the library sine and cosine in a
   * lane that needs them (per lane, so a result does not depend on its neighbours). Two vectors, not an array of
   * them: an array of vectors is an allocation C2 keeps, with both vectors boxed, on every call.
   */
  static DoubleVector sinOfSum(DoubleVector t, DoubleVector err) {
    return t.lanewise(SIN).mul(cosOf(err)).add(t.lanewise(COS).mul(sinOf(err)));
  }

  /** {@code cos(t + err)} by the angle-sum formula, as {@link #sinOfSum}. */
  static DoubleVector cosOfSum(DoubleVector t, DoubleVector err) {
    return t.lanewise(COS).mul(cosOf(err)).sub(t.lanewise(SIN).mul(sinOf(err)));
  }

  private static DoubleVector cosOf(DoubleVector err) {
    DoubleVector c = err.mul(err).mul(-0.5).add(1.0);
    VectorMask<Double> big = err.abs().compare(GE, 0x1p-20);
    return big.anyTrue() ? c.blend(err.lanewise(COS), big) : c;
  }

  private static DoubleVector sinOf(DoubleVector err) {
    DoubleVector s = err.sub(err.mul(err.mul(err)).mul(1.0 / 6));
    VectorMask<Double> big = err.abs().compare(GE, 0x1p-20);
    return big.anyTrue() ? s.blend(err.lanewise(SIN), big) : s;
  }
}
