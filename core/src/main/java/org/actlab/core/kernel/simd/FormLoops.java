package org.actlab.core.kernel.simd;

import static org.actlab.core.kernel.simd.Lanes.D;
import static org.actlab.core.kernel.simd.Lanes.F;
import static org.actlab.core.kernel.simd.Lanes.FH;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * TEMPLATE, never used directly: {@link Specializer} defines one hidden copy of this class per vector form, with
 * the form as class data, so {@link #FORM} is a constant in each copy. That makes every {@code FORM.f(...)} call
 * site monomorphic: the JIT inlines the form and keeps the vectors in registers. With one shared loop the call
 * site saw every form, went megamorphic, and each vector was boxed — 27 Melem/s for relu instead of GB/s.
 *
 * <p>Main loops run to {@code loopBound}; the tail is masked and goes through the same formula, so an element's
 * result does not depend on its position (thread splits stay bit-identical).
 */
final class FormLoops implements Loops {

  private static final VectorForm FORM = classData();

  private static VectorForm classData() {
    try {
      return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, VectorForm.class);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      FORM.f(DoubleVector.fromArray(D, x, xOff + i), p).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Double> m = D.indexInRange(i, n);
      FORM.f(DoubleVector.fromArray(D, x, xOff + i, m), p).intoArray(y, yOff + i, m);
    }
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, double[] p) {
    if (FORM.floatLanes()) {
      int i = 0;
      for (int bound = F.loopBound(n); i < bound; i += F.length()) {
        FORM.f(FloatVector.fromArray(F, x, xOff + i), p).intoArray(y, yOff + i);
      }
      if (i < n) {
        VectorMask<Float> m = F.indexInRange(i, n);
        FORM.f(FloatVector.fromArray(F, x, xOff + i, m), p).intoArray(y, yOff + i, m);
      }
      return;
    }
    int i = 0;
    for (int bound = FH.loopBound(n); i < bound; i += FH.length()) {
      narrow(FORM.f(widen(FloatVector.fromArray(FH, x, xOff + i)), p)).intoArray(y, yOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      narrow(FORM.f(widen(FloatVector.fromArray(FH, x, xOff + i, m)), p)).intoArray(y, yOff + i, m);
    }
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, double[] p) {
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i);
      DoubleVector d = FORM.dfdx(xv, p);
      DoubleVector.fromArray(D, dy, dyOff + i).mul(d).intoArray(dx, dxOff + i);
    }
    if (i < n) {
      VectorMask<Double> m = D.indexInRange(i, n);
      DoubleVector xv = DoubleVector.fromArray(D, x, xOff + i, m);
      DoubleVector d = FORM.dfdx(xv, p);
      DoubleVector.fromArray(D, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, double[] p) {
    if (FORM.floatLanes()) {
      int i = 0;
      for (int bound = F.loopBound(n); i < bound; i += F.length()) {
        FloatVector xv = FloatVector.fromArray(F, x, xOff + i);
        FloatVector d = FORM.dfdx(xv, p);
        FloatVector.fromArray(F, dy, dyOff + i).mul(d).intoArray(dx, dxOff + i);
      }
      if (i < n) {
        VectorMask<Float> m = F.indexInRange(i, n);
        FloatVector xv = FloatVector.fromArray(F, x, xOff + i, m);
        FloatVector d = FORM.dfdx(xv, p);
        FloatVector.fromArray(F, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
      }
      return;
    }
    int i = 0;
    for (int bound = FH.loopBound(n); i < bound; i += FH.length()) {
      DoubleVector xv = widen(FloatVector.fromArray(FH, x, xOff + i));
      DoubleVector d = FORM.dfdx(xv, p);
      // dy·f'(x) in double, rounded once: the scalar path's (float)(dy * f'(x))
      narrow(widen(FloatVector.fromArray(FH, dy, dyOff + i)).mul(d)).intoArray(dx, dxOff + i);
    }
    if (i < n) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      DoubleVector xv = widen(FloatVector.fromArray(FH, x, xOff + i, m));
      DoubleVector d = FORM.dfdx(xv, p);
      narrow(widen(FloatVector.fromArray(FH, dy, dyOff + i, m)).mul(d)).intoArray(dx, dxOff + i, m);
    }
  }

  @Override
  public void forwardBias(double[] x, int xo, double[] b, int bo, double[] y, int yo, double[] z, int zo, int rows,
                          int cols, double[] pv) {
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      int c = 0;
      for (int bound = D.loopBound(cols); c < bound; c += D.length()) {
        DoubleVector v = DoubleVector.fromArray(D, x, xo + row + c).add(DoubleVector.fromArray(D, b, bo + c));
        if (z != null) {
          v.intoArray(z, zo + row + c);
        }
        FORM.f(v, pv).intoArray(y, yo + row + c);
      }
      if (c < cols) {
        VectorMask<Double> m = D.indexInRange(c, cols);
        DoubleVector v = DoubleVector.fromArray(D, x, xo + row + c, m).add(DoubleVector.fromArray(D, b, bo + c, m));
        if (z != null) {
          v.intoArray(z, zo + row + c, m);
        }
        FORM.f(v, pv).intoArray(y, yo + row + c, m);
      }
    }
  }

  @Override
  public void forwardBias(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int rows,
                          int cols, double[] pv) {
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      if (FORM.floatLanes()) {
        biasRow(x, xo + row, b, bo, y, yo + row, z, zo + row, cols, pv);
      } else {
        biasRowWidened(x, xo + row, b, bo, y, yo + row, z, zo + row, cols, pv);
      }
    }
  }

  private static void biasRow(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int cols,
                              double[] pv) {
    int c = 0;
    for (int bound = F.loopBound(cols); c < bound; c += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, xo + c).add(FloatVector.fromArray(F, b, bo + c));
      if (z != null) {
        v.intoArray(z, zo + c);
      }
      FORM.f(v, pv).intoArray(y, yo + c);
    }
    if (c < cols) {
      VectorMask<Float> m = F.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(F, x, xo + c, m).add(FloatVector.fromArray(F, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      FORM.f(v, pv).intoArray(y, yo + c, m);
    }
  }

  /** A float row through double lanes: the float sum widened exactly, the result rounded once. */
  private static void biasRowWidened(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo,
                                     int cols, double[] pv) {
    for (int c = 0; c < cols; c += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(FH, x, xo + c, m).add(FloatVector.fromArray(FH, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      narrow(FORM.f(widen(v), pv)).intoArray(y, yo + c, m);
    }
  }

  private static DoubleVector widen(FloatVector v) {
    return (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
  }

  private static FloatVector narrow(DoubleVector v) {
    return (FloatVector) v.convertShape(VectorOperators.D2F, FH, 0);
  }
}
