package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LE;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import org.actlab.core.kernel.simd.VectorForm;

/**
 * hardswish lane-wise: 0 for x ≤ −3, x for x ≥ 3, {@code x(x + 3)/6} between; derivative {@code (2x + 3)/6}
 * between, the outer one-sided limits 0 and 1 at the kinks ±3 (as the reference). {@code x + 3} and
 * {@code 2x + 3} are exact near their zeros (Sterbenz), so no piece cancels.
 *
 * <p>Float lanes: plain {@code x·(x + 3)/6} rounds three times (measured worst 1.9 float ULP over every 97th
 * float of (−3, 3)). This form keeps {@code x + 3 = s + e} (Fast2Sum) and {@code x·s = hi + lo} (fma) exactly,
 * multiplies by 1/6 and corrects by the exact remainder {@code fma(−q, 6, hi)}: measured worst 0.5 ULP over every
 * 13th float. The derivative's
 * {@code (2x + 3)/6} rounds twice ({@code 2x} is exact): measured worst 1.0 ULP.
 */
public final class HardswishForm implements VectorForm {

  private static final float SIXTH = 1f / 6;

  @Override
  public String id() {
    return "hardswish";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    return x.mul(x.add(3.0)).div(6.0).blend(0.0, x.compare(LE, -3)).blend(x, x.compare(GE, 3));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    return x.add(x).add(3.0).div(6.0).blend(0.0, x.compare(LE, -3)).blend(1.0, x.compare(GE, 3));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    FloatVector s = x.add(3f);
    FloatVector e = x.sub(s.sub(3f)); // x + 3 = s + e exactly (|x| < 3 on the lanes kept)
    FloatVector hi = x.mul(s);
    FloatVector lo = x.fma(s, hi.neg()).add(x.mul(e)); // x(x + 3) = hi + lo to float precision squared
    FloatVector q = hi.mul(SIXTH);
    FloatVector r = q.add(q.fma(q.broadcast(-6f), hi).add(lo).mul(SIXTH));
    return r.blend(0f, x.compare(LE, -3f)).blend(x, x.compare(GE, 3f));
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    return x.add(x).add(3f).div(6f).blend(0f, x.compare(LE, -3f)).blend(1f, x.compare(GE, 3f));
  }
}
