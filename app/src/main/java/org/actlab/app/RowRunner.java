package org.actlab.app;

import org.actlab.core.activation.RowActivation;
import org.actlab.core.kernel.RowKernel;

/** Row functions: each input line is one row, computed by the {@link RowKernel}. */
final class RowRunner implements Runner {

  private final RowKernel kernel;
  private final double[] params;

  RowRunner(RowActivation fn, double[] p, KernelChoice choice) {
    if (choice == KernelChoice.SIMD) {
      throw new CliException("--kernel simd: no SIMD kernel exists for row functions (" + fn.spec().id()
          + "); use --kernel auto or --kernel scalar");
    }
    this.kernel = new RowKernel(fn);
    this.params = p.clone();
  }

  @Override
  public int[] outputLengths(Rows x) {
    int[] m = new int[x.count()];
    for (int r = 0; r < m.length; r++) {
      try {
        m[r] = kernel.activation().outputLength(x.length(r));
      } catch (IllegalArgumentException e) {
        throw new CliException("input line " + x.lines()[r] + ": " + e.getMessage(), e);
      }
    }
    return m;
  }

  @Override
  public Rows forward(Rows x, Dtype dtype) {
    int[] m = outputLengths(x);
    Rows y = Rows.shaped(new double[sum(m)], m, x.lines());
    for (int r = 0; r < x.count(); r++) {
      int n = x.length(r);
      if (dtype == Dtype.F32) {
        float[] yf = new float[y.length(r)];
        kernel.forward(Floats.narrow(x.row(r)), 0, 1, n, yf, 0, params);
        copy(yf, y.values(), y.start()[r]);
      } else {
        kernel.forward(x.values(), x.start()[r], 1, n, y.values(), y.start()[r], params);
      }
    }
    return y;
  }

  @Override
  public Rows backward(Rows x, Rows dy, Dtype dtype) {
    double[] dx = new double[x.size()];
    for (int r = 0; r < x.count(); r++) {
      int n = x.length(r);
      if (dtype == Dtype.F32) {
        float[] dxf = new float[n];
        kernel.backward(Floats.narrow(x.row(r)), 0, 1, n, Floats.narrow(dy.row(r)), 0, dxf, 0, params);
        copy(dxf, dx, x.start()[r]);
      } else {
        kernel.backward(x.values(), x.start()[r], 1, n, dy.values(), dy.start()[r], dx, x.start()[r], params);
      }
    }
    return new Rows(dx, x.start(), x.lines());
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) {
      s += v;
    }
    return s;
  }

  private static void copy(float[] src, double[] dst, int off) {
    for (int i = 0; i < src.length; i++) {
      dst[off + i] = src[i];
    }
  }
}
