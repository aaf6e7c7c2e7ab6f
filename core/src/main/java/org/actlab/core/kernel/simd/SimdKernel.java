package org.actlab.core.kernel.simd;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.Bounds;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;

/**
 * Runs a {@link VectorForm} over arrays: a main loop to {@code loopBound} and a masked tail through the same
 * vector formula, so an element's result never depends on where it sits in the array (thread splits give
 * bit-identical results). The loops live in {@link FormLoops}, one hidden copy per form ({@link Specializer}), so
 * the form inlines. Per-channel parameter blocks and learnable-parameter gradients take the scalar path.
 * No allocation in the loops or per call (the shared parameters are cached per block); inputs are never modified.
 */
public final class SimdKernel implements Kernel {

  private final Activation fn;
  private final VectorForm form;
  private final Loops loops;
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
    this.loops = Specializer.loops(form);
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
    double[] v = shared(p);
    loops(v).forward(x, xOff, y, yOff, n, v);
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
    if (!p.isShared()) {
      scalar.forward(x, xOff, y, yOff, n, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    double[] v = shared(p);
    loops(v).forward(x, xOff, y, yOff, n, v);
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    if (!p.isShared() || gp != null || !form.doubleSlopeLanes()) {
      scalar.backward(x, xOff, dy, dyOff, dx, dxOff, n, p, gp);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    double[] v = shared(p);
    loops(v).backward(x, xOff, dy, dyOff, dx, dxOff, n, v);
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
    double[] v = shared(p);
    loops(v).backward(x, xOff, dy, dyOff, dx, dxOff, n, v);
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
    double[] v = shared(p);
    loops(v).forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, v);
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
    double[] v = shared(p);
    loops(v).forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, v);
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

  /** The shared parameter vector of {@code p} (a block is immutable, so its copy is cached, not re-cloned). */
  /**
   * The loops for these parameter values: those of the form's {@link VectorForm#regime} (swish at beta = 1 runs
   * silu's), so that a form's compiled loop holds no branch for a parameter value it is not run with.
   */
  private Loops loops(double[] p) {
    VectorForm f = form.regime(p);
    return f == form ? loops : Specializer.loops(f);
  }

  private double[] shared(ParamBlock p) {
    Shared s = last;
    if (s == null || s.block() != p) {
      s = new Shared(p, p.values(0));
      last = s;
    }
    return s.values();
  }
}
