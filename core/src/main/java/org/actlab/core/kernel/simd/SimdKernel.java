package org.actlab.core.kernel.simd;

import static org.actlab.core.kernel.simd.Lanes.D;
import static org.actlab.core.kernel.simd.Lanes.F;
import static org.actlab.core.kernel.simd.Lanes.FH;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.Bounds;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;

/**
 * Runs a {@link VectorForm} over arrays: a main loop to {@code loopBound} and a masked tail through the same
 * vector formula, so an element's result never depends on where it sits in the array (thread splits give
 * bit-identical results). Per-channel parameter blocks and learnable-parameter gradients take the scalar path.
 * No allocation in the loops; inputs are never modified.
 */
public final class SimdKernel implements Kernel {

  private final Activation fn;
  private final VectorForm form;
  private final ScalarKernel scalar;

  public SimdKernel(Activation fn, VectorForm form) {
    if (!fn.spec().id().equals(form.id())) {
      throw new IllegalArgumentException("vector form " + form.id() + " does not compute " + fn.spec().id());
    }
    this.fn = fn;
    this.form = form;
    this.scalar = new ScalarKernel(fn);
  }

  @Override
  public Activation activation() {
    return fn;
  }

  @Override
  public String kind() {
    return "simd";
  }

  /** The vector formula this kernel runs. */
  public VectorForm form() {
    return form;
  }

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, ParamBlock p) {
    if (!p.isShared()) {
      scalar.forward(x, xOff, y, yOff, n, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    double[] pv = p.values(0);
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      form.f(DoubleVector.fromArray(D, x, xOff + i), pv).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Double> m = D.indexInRange(i, n);
      form.f(DoubleVector.fromArray(D, x, xOff + i, m), pv).intoArray(y, yOff + i, m);
    }
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
    if (!p.isShared()) {
      scalar.forward(x, xOff, y, yOff, n, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    double[] pv = p.values(0);
    if (form.floatLanes()) {
      int i = 0;
      for (int bound = F.loopBound(n); i < bound; i += F.length()) {
        form.f(FloatVector.fromArray(F, x, xOff + i), pv).intoArray(y, yOff + i);
      }
      if (i < n) {
        VectorMask<Float> m = F.indexInRange(i, n);
        form.f(FloatVector.fromArray(F, x, xOff + i, m), pv).intoArray(y, yOff + i, m);
      }
      return;
    }
    for (int i = 0; i < n; i += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      narrow(form.f(widen(FloatVector.fromArray(FH, x, xOff + i, m)), pv)).intoArray(y, yOff + i, m);
    }
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    if (!p.isShared() || gp != null) {
      scalar.backward(x, xOff, dy, dyOff, dx, dxOff, n, p, gp);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    double[] pv = p.values(0);
    for (int i = 0; i < n; i += D.length()) {
      VectorMask<Double> m = D.indexInRange(i, n);
      DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i, m);
      DoubleVector d = form.dfdx(xv, form.f(xv, pv), pv);
      DoubleVector.fromArray(D, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    if (!p.isShared() || gp != null) {
      scalar.backward(x, xOff, dy, dyOff, dx, dxOff, n, p, gp);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    double[] pv = p.values(0);
    if (form.floatLanes()) {
      for (int i = 0; i < n; i += F.length()) {
        VectorMask<Float> m = F.indexInRange(i, n);
        FloatVector xv = FloatVector.fromArray(F, x, xOff + i, m);
        FloatVector d = form.dfdx(xv, form.f(xv, pv), pv);
        FloatVector.fromArray(F, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
      }
      return;
    }
    for (int i = 0; i < n; i += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      DoubleVector xv = widen(FloatVector.fromArray(FH, x, xOff + i, m));
      DoubleVector d = form.dfdx(xv, form.f(xv, pv), pv);
      // dy·f'(x) in double, rounded once: the scalar path's (float)(dy * f'(x))
      narrow(widen(FloatVector.fromArray(FH, dy, dyOff + i, m)).mul(d)).intoArray(dx, dxOff + i, m);
    }
  }

  private static DoubleVector widen(FloatVector v) {
    return (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
  }

  private static FloatVector narrow(DoubleVector v) {
    return (FloatVector) v.convertShape(VectorOperators.D2F, FH, 0);
  }
}
