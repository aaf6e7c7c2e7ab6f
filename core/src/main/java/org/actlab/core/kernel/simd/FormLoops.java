package org.actlab.core.kernel.simd;

import static org.actlab.core.kernel.simd.Lanes.D;
import static org.actlab.core.kernel.simd.Lanes.F;
import static org.actlab.core.kernel.simd.Lanes.FH;

import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The array loops of {@link SimdKernel}, specialised per form: this class is never used as it is, its bytes are
 * defined again as a hidden class for each {@link VectorForm} ({@link Specialized}), with the form as class data
 * in the static final {@link #FORM}. The JIT then sees a constant receiver and inlines the form's vector code.
 *
 * <p>Why: with one shared loop, the call {@code form.f(v)} sees every registered form and becomes megamorphic;
 * the JIT can no longer inline it, the vectors are boxed, and the loops fall to scalar speed (measured: 184
 * Melem/s for hardsigmoid at 1M float32 after four other forms had run, 2600 Melem/s in a fresh JVM).
 *
 * <p>Each loop is a main loop to {@code loopBound} plus one masked tail through the same formula, so an
 * element's result never depends on its position. Arguments are checked by the caller.
 */
final class FormLoops implements Loops {

  private static final VectorForm FORM = classData();

  private static VectorForm classData() {
    try {
      return MethodHandles.classData(MethodHandles.lookup(), java.lang.constant.ConstantDescs.DEFAULT_NAME,
          VectorForm.class);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("FormLoops is only used as a hidden class with its form as class data", e);
    }
  }

  @Override
  public void forward(double[] x, int xo, double[] y, int yo, int n, double[] pv) {
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      FORM.f(DoubleVector.fromArray(D, x, xo + i), pv).intoArray(y, yo + i);
    }
    if (i < n) {
      VectorMask<Double> m = D.indexInRange(i, n);
      FORM.f(DoubleVector.fromArray(D, x, xo + i, m), pv).intoArray(y, yo + i, m);
    }
  }

  @Override
  public void forward(float[] x, int xo, float[] y, int yo, int n, double[] pv) {
    if (!FORM.floatLanes()) {
      for (int i = 0; i < n; i += FH.length()) {
        VectorMask<Float> m = FH.indexInRange(i, n);
        narrow(FORM.f(widen(FloatVector.fromArray(FH, x, xo + i, m)), pv)).intoArray(y, yo + i, m);
      }
      return;
    }
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      FORM.f(FloatVector.fromArray(F, x, xo + i), pv).intoArray(y, yo + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FORM.f(FloatVector.fromArray(F, x, xo + i, m), pv).intoArray(y, yo + i, m);
    }
  }

  @Override
  public void backward(double[] x, int xo, double[] dy, int dyo, double[] dx, int dxo, int n, double[] pv) {
    int i = 0;
    for (int bound = D.loopBound(n); i < bound; i += D.length()) {
      DoubleVector xv = DoubleVector.fromArray(D, x, xo + i);
      DoubleVector d = FORM.dfdx(xv, FORM.f(xv, pv), pv);
      DoubleVector.fromArray(D, dy, dyo + i).mul(d).intoArray(dx, dxo + i);
    }
    if (i < n) {
      VectorMask<Double> m = D.indexInRange(i, n);
      DoubleVector xv = DoubleVector.fromArray(D, x, xo + i, m);
      DoubleVector d = FORM.dfdx(xv, FORM.f(xv, pv), pv);
      DoubleVector.fromArray(D, dy, dyo + i, m).mul(d).intoArray(dx, dxo + i, m);
    }
  }

  @Override
  public void backward(float[] x, int xo, float[] dy, int dyo, float[] dx, int dxo, int n, double[] pv) {
    if (!FORM.floatLanes()) {
      for (int i = 0; i < n; i += FH.length()) {
        VectorMask<Float> m = FH.indexInRange(i, n);
        DoubleVector xv = widen(FloatVector.fromArray(FH, x, xo + i, m));
        DoubleVector d = FORM.dfdx(xv, FORM.f(xv, pv), pv);
        // dy·f'(x) in double, rounded once: the scalar path's (float)(dy * f'(x))
        narrow(widen(FloatVector.fromArray(FH, dy, dyo + i, m)).mul(d)).intoArray(dx, dxo + i, m);
      }
      return;
    }
    int i = 0;
    for (int bound = F.loopBound(n); i < bound; i += F.length()) {
      FloatVector xv = FloatVector.fromArray(F, x, xo + i);
      FloatVector d = FORM.dfdx(xv, FORM.f(xv, pv), pv);
      FloatVector.fromArray(F, dy, dyo + i).mul(d).intoArray(dx, dxo + i);
    }
    if (i < n) {
      VectorMask<Float> m = F.indexInRange(i, n);
      FloatVector xv = FloatVector.fromArray(F, x, xo + i, m);
      FloatVector d = FORM.dfdx(xv, FORM.f(xv, pv), pv);
      FloatVector.fromArray(F, dy, dyo + i, m).mul(d).intoArray(dx, dxo + i, m);
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
