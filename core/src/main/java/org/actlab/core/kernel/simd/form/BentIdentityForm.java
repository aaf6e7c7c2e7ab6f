package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.HYPOT;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * bent_identity lane-wise, the reference's overflow- and cancellation-free forms with {@code h = hypot(x, 1)}:
 * {@code (1/(h − x) + (x − 1))/2} for x ≤ −1, else {@code x·(x/(h + 1))/2 + x} (+∞ at +∞); f' =
 * {@code fma(1/2, x/h, 1)} with x/h = ±1 at ±∞. Double lanes only.
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

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    DoubleVector r = x.div(x.lanewise(HYPOT, 1.0));
    r = r.blend(x.broadcast(1.0).blend(-1.0, x.compare(LE, 0.0)), x.abs().eq(Double.POSITIVE_INFINITY));
    return r.fma(0.5, 1.0);
  }
}
