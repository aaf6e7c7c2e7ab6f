package org.actlab.core.kernel;

import java.util.Objects;

import org.actlab.core.activation.Activation;

/**
 * The always-available kernel: a loop over the double reference. Float32 results are the double result rounded
 * once, so they are within 1 ULP of the correctly rounded float whenever the reference is within a few double
 * ULP. Correct by construction; the SIMD kernels are measured against it.
 */
public final class ScalarKernel implements Kernel {

  private final Activation fn;

  public ScalarKernel(Activation fn) {
    this.fn = Objects.requireNonNull(fn);
  }

  @Override
  public Activation activation() {
    return fn;
  }

  @Override
  public String kind() {
    return "scalar";
  }

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, ParamBlock p) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    for (int i = 0; i < n; i++) {
      y[yOff + i] = fn.f(x[xOff + i], p.channel(p.channelOf(i)));
    }
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) fn.f(x[xOff + i], p.channel(p.channelOf(i)));
    }
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    double[] g = gp == null ? null : Bounds.paramGradient(gp, p);
    for (int i = 0; i < n; i++) {
      int c = p.channelOf(i);
      double[] pc = p.channel(c);
      double xi = x[xOff + i];
      double y = fn.f(xi, pc);
      double d = dy[dyOff + i];
      if (g != null) {
        accumulate(xi, y, pc, d, g, gp, c);
      }
      dx[dxOff + i] = d * fn.dfdx(xi, y, pc);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    double[] g = gp == null ? null : Bounds.paramGradient(gp, p);
    for (int i = 0; i < n; i++) {
      int c = p.channelOf(i);
      double[] pc = p.channel(c);
      double xi = x[xOff + i];
      double y = fn.f(xi, pc);
      double d = dy[dyOff + i];
      if (g != null) {
        accumulate(xi, y, pc, d, g, gp, c);
      }
      dx[dxOff + i] = (float) (d * fn.dfdx(xi, y, pc));
    }
  }

  /** Adds this element's parameter gradient into channel {@code c}'s slots of {@code gp}, via scratch {@code g}. */
  private void accumulate(double x, double y, double[] pc, double dy, double[] g, double[] gp, int c) {
    java.util.Arrays.fill(g, 0);
    fn.dfdp(x, y, pc, dy, g);
    int base = c * g.length;
    for (int k = 0; k < g.length; k++) {
      gp[base + k] += g[k];
    }
  }
}
