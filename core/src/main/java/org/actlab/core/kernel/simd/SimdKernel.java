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
  /** The shared parameters of the last block seen, so a call allocates nothing once a block is reused. */
  private volatile Shared last;

  private record Shared(ParamBlock block, double[] values) {}

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
    double[] pv = shared(p);
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
    double[] pv = shared(p);
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
    double[] pv = shared(p);
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i);
      DoubleVector d = form.dfdx(xv, form.f(xv, pv), pv);
      DoubleVector.fromArray(D, dy, dyOff + i).mul(d).intoArray(dx, dxOff + i);
    }
    if (i < n) {
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
    double[] pv = shared(p);
    if (form.floatLanes()) {
      int i = 0;
      for (int bound = F.loopBound(n); i < bound; i += F.length()) {
        FloatVector xv = FloatVector.fromArray(F, x, xOff + i);
        FloatVector d = form.dfdx(xv, form.f(xv, pv), pv);
        FloatVector.fromArray(F, dy, dyOff + i).mul(d).intoArray(dx, dxOff + i);
      }
      if (i < n) {
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

  /** Fused bias + activation, row by row with a masked row tail; per-channel blocks take the default composition. */
  @Override
  public void forwardBias(double[] x, int xOff, double[] b, int bOff, double[] y, int yOff, double[] zOut, int zOff,
                          int rows, int cols, ParamBlock p) {
    if (!p.isShared()) {
      Kernel.super.forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, p);
      return;
    }
    int n = Bounds.matrix(rows, cols);
    checkBias(x.length, xOff, b.length, bOff, y.length, yOff, zOut == null ? -1 : zOut.length, zOff, n, cols);
    double[] pv = shared(p);
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      biasRow(x, xOff + row, b, bOff, y, yOff + row, zOut, zOff + row, cols, pv);
    }
  }

  /** Float version: {@code x + b} rounded to float, then the form in float lanes or widened to double lanes. */
  @Override
  public void forwardBias(float[] x, int xOff, float[] b, int bOff, float[] y, int yOff, float[] zOut, int zOff,
                          int rows, int cols, ParamBlock p) {
    if (!p.isShared()) {
      Kernel.super.forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, p);
      return;
    }
    int n = Bounds.matrix(rows, cols);
    checkBias(x.length, xOff, b.length, bOff, y.length, yOff, zOut == null ? -1 : zOut.length, zOff, n, cols);
    double[] pv = shared(p);
    boolean lanes = form.floatLanes();
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      if (lanes) {
        biasRow(x, xOff + row, b, bOff, y, yOff + row, zOut, zOff + row, cols, pv);
      } else {
        biasRowWidened(x, xOff + row, b, bOff, y, yOff + row, zOut, zOff + row, cols, pv);
      }
    }
  }

  private static void checkBias(int xLen, int xOff, int bLen, int bOff, int yLen, int yOff, int zLen, int zOff, int n,
                                int cols) {
    Bounds.check(xLen, xOff, n, "x");
    Bounds.check(bLen, bOff, cols, "b");
    Bounds.check(yLen, yOff, n, "y");
    if (zLen >= 0) {
      Bounds.check(zLen, zOff, n, "zOut");
    }
  }

  private void biasRow(double[] x, int xo, double[] b, int bo, double[] y, int yo, double[] z, int zo, int cols,
                       double[] pv) {
    int c = 0;
    for (int bound = D.loopBound(cols); c < bound; c += D.length()) {
      DoubleVector v = DoubleVector.fromArray(D, x, xo + c).add(DoubleVector.fromArray(D, b, bo + c));
      if (z != null) {
        v.intoArray(z, zo + c);
      }
      form.f(v, pv).intoArray(y, yo + c);
    }
    if (c < cols) {
      VectorMask<Double> m = D.indexInRange(c, cols);
      DoubleVector v = DoubleVector.fromArray(D, x, xo + c, m).add(DoubleVector.fromArray(D, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      form.f(v, pv).intoArray(y, yo + c, m);
    }
  }

  private void biasRow(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int cols,
                       double[] pv) {
    int c = 0;
    for (int bound = F.loopBound(cols); c < bound; c += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, xo + c).add(FloatVector.fromArray(F, b, bo + c));
      if (z != null) {
        v.intoArray(z, zo + c);
      }
      form.f(v, pv).intoArray(y, yo + c);
    }
    if (c < cols) {
      VectorMask<Float> m = F.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(F, x, xo + c, m).add(FloatVector.fromArray(F, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      form.f(v, pv).intoArray(y, yo + c, m);
    }
  }

  /** A float row through double lanes: the float sum widened exactly, the result rounded once. */
  private void biasRowWidened(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int cols,
                              double[] pv) {
    for (int c = 0; c < cols; c += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(FH, x, xo + c, m).add(FloatVector.fromArray(FH, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      narrow(form.f(widen(v), pv)).intoArray(y, yo + c, m);
    }
  }

  /** The shared parameter vector of {@code p} (a block is immutable, so its copy is cached, not re-cloned). */
  private double[] shared(ParamBlock p) {
    Shared s = last;
    if (s == null || s.block() != p) {
      s = new Shared(p, p.values(0));
      last = s;
    }
    return s.values();
  }

  private static DoubleVector widen(FloatVector v) {
    return (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
  }

  private static FloatVector narrow(DoubleVector v) {
    return (FloatVector) v.convertShape(VectorOperators.D2F, FH, 0);
  }
}
