package org.actlab.core.kernel.simd;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.Bounds;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;

/**
 * Runs a {@link VectorForm} over arrays through the form's own specialised loops ({@link FormLoops}, one
 * hidden copy per form, so the form inlines). An element's result never depends on where it sits in the array
 * (thread splits give bit-identical results). Per-channel parameter blocks and learnable-parameter gradients take
 * the scalar path. No allocation in the loops; inputs are never modified.
 */
public final class SimdKernel implements Kernel {

  private final Activation fn;
  private final VectorForm form;
  private final Loops loops;
  private final ScalarKernel scalar;

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
    loops.forward(x, xOff, y, yOff, n, p.values(0));
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
    if (!p.isShared()) {
      scalar.forward(x, xOff, y, yOff, n, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    loops.forward(x, xOff, y, yOff, n, p.values(0));
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
    loops.backward(x, xOff, dy, dyOff, dx, dxOff, n, p.values(0));
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
    loops.backward(x, xOff, dy, dyOff, dx, dxOff, n, p.values(0));
  }
}
