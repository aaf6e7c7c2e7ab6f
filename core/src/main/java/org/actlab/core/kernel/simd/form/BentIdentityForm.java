package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.HYPOT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.SQRT;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * bent_identity lane-wise, the reference's overflow- and cancellation-free forms with {@code h = hypot(x, 1)}:
 * {@code (1/(h − x) + (x − 1))/2} for x ≤ −1, else {@code x·(x/(h + 1))/2 + x} (+∞ at +∞); f' =
 * {@code fma(1/2, x/h, 1)} with x/h = ±1 at ±∞. Double lanes; float inputs take {@link #fWidened} and
 * {@link #dfdxWidened}, with a square root in place of the vector-math hypot (a call that spills every live vector:
 * 409 and 574 Melem/s at 1M floats, forward and backward, before).
 */
public final class BentIdentityForm implements VectorForm {

  @Override
  public String id() {
    return "bent_identity";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    DoubleVector h = x.lanewise(HYPOT, 1.0);
    DoubleVector low = h.sub(x).broadcast(1.0).div(h.sub(x)).add(x.sub(1.0)).div(2.0);
    DoubleVector high = x.mul(x.div(h.add(1.0))).div(2.0).add(x);
    return high.blend(x, x.eq(Double.POSITIVE_INFINITY)).blend(low, x.compare(LE, -1.0));
  }

  /**
   * f for a float x in double lanes: {@code x²/(2(h + 1)) + x}, h = √(x² + 1), x² exact and finite; the sum cancels
   * by a factor of at most 2 (x → −∞), so the double result is far inside a float's rounding. ±∞ give x.
   */
  @Override
  public DoubleVector fWidened(DoubleVector x, double[] p) {
    DoubleVector x2 = x.mul(x);
    DoubleVector h = x2.add(1.0).lanewise(SQRT);
    return x2.div(h.add(1.0).mul(2.0)).add(x).blend(x, x.abs().eq(Double.POSITIVE_INFINITY));
  }

  /** f' for a float x in double lanes: {@code 1 + x/(2h)}, 3/2 and 1/2 at ±∞. */
  @Override
  public DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    DoubleVector h = x.mul(x).add(1.0).lanewise(SQRT);
    DoubleVector r = x.div(h).blend(x.broadcast(1.0).blend(-1.0, x.compare(LE, 0.0)),
        x.abs().eq(Double.POSITIVE_INFINITY));
    return r.fma(0.5, 1.0);
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector r = x.div(x.lanewise(HYPOT, 1.0));
    r = r.blend(x.broadcast(1.0).blend(-1.0, x.compare(LE, 0.0)), x.abs().eq(Double.POSITIVE_INFINITY));
    return r.fma(0.5, 1.0);
  }
}
