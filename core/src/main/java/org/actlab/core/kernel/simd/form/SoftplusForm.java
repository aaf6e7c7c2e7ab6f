package org.actlab.core.kernel.simd.form;

import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import org.actlab.core.kernel.simd.VExp;
import org.actlab.core.kernel.simd.VSoftplusFloat;
import org.actlab.core.kernel.simd.VectorForm;

/**
 * softplus lane-wise, mirroring the reference: {@code t = beta·x}; past PyTorch's switch ({@code t > threshold})
 * x; else {@code (max(t,0) + log1p(e^{−|t|}) + err·σ(t))/beta} with {@code err = fma(beta, x, −t)} the product's
 * rounding (skipped where not finite, i.e. t = ±∞); f' = {@code σ(t) + err·σ'(t)} or 1 (at beta = 1,
 * {@link VExp#sigmoidExpOnly}, with the switch in the exponent). One exp and one log1p.
 * Float lanes at beta = 1 (t = x exactly, no correction): {@code max(x, 0) + log1p(e^{−|x|})} with a tabulated
 * log1p ({@link VSoftplusFloat}) and σ(x) by {@link VExp#sigmoidFloat}, the switch a blend; within the 4 ULP bound
 * over the float sweep (SimdFloatSweepTest). Any other beta takes double lanes: a float beta·x would lose the product's rounding
 * error, which the exponential amplifies.
 */
public final class SoftplusForm implements VectorForm {

  @Override
  public String id() {
    return "softplus";
  }

  @Override
  public DoubleVector f(DoubleVector x, double[] p) {
    double beta = p[0];
    DoubleVector t = x.mul(beta);
    DoubleVector e = VExp.expNegAbs(t);
    DoubleVector s = VExp.softplus(t, e);
    if (beta != 1) {
      DoubleVector corr = x.fma(x.broadcast(beta), t.neg()).mul(VExp.sigmoid(t, e));
      s = s.add(corr).blend(s, VExp.notFinite(corr)).div(beta);
    }
    return s.blend(x, t.compare(GT, p[1]));
  }

  @Override
  public DoubleVector dfdx(DoubleVector x, double[] p) {
    double beta = p[0];
    if (beta == 1) {
      return VExp.sigmoidExpOnly(x, p[1]);
    }
    DoubleVector t = x.mul(beta);
    DoubleVector e = VExp.expNegAbs(t);
    DoubleVector s = VExp.sigmoid(t, e);
    DoubleVector corr = x.fma(x.broadcast(beta), t.neg()).mul(VExp.sigmoidSlope(e));
    s = s.add(corr).blend(s, VExp.notFinite(corr));
    return s.blend(1.0, t.compare(GT, p[1]));
  }

  @Override
  public boolean floatLanes() {
    return true;
  }

  @Override
  public FloatVector f(FloatVector x, double[] p) {
    if (p[0] != 1) {
      return VExp.viaDouble(x, v -> f(v, p));
    }
    // the switch's mask first: C2 inlines in parse order, and a helper parsed after the table lookup met its node
    // cutoff and stayed a call that boxes every vector (590 KB per call of 65,541 floats, measured)
    VectorMask<Float> past = VExp.above(x, p[1]);
    return VSoftplusFloat.softplus(x).blend(x, past);
  }

  @Override
  public FloatVector dfdx(FloatVector x, double[] p) {
    if (p[0] != 1) {
      return VExp.viaDouble(x, v -> dfdx(v, p));
    }
    return VExp.sigmoidFloat(x).blend(1f, VExp.above(x, p[1]));
  }
}
