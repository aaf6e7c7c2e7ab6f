package org.actlab.app;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;

/** Elementwise functions: all rows in one flat kernel call, with parameters shared by every element. */
final class ElementwiseRunner implements Runner {

  private final Kernel kernel;
  private final ParamBlock params;

  ElementwiseRunner(Activation fn, double[] p, KernelChoice choice) {
    try {
      this.kernel = KernelProvider.kernel(fn, choice.mode());
    } catch (IllegalStateException e) {
      throw new CliException("--kernel " + choice.name().toLowerCase(java.util.Locale.ROOT) + ": "
          + e.getMessage() + "; use --kernel auto or --kernel scalar", e);
    }
    this.params = ParamBlock.shared(p);
  }

  @Override
  public int[] outputLengths(Rows x) {
    return x.lengths();
  }

  @Override
  public Rows forward(Rows x, Dtype dtype) {
    int n = x.size();
    double[] y = new double[n];
    if (dtype == Dtype.F32) {
      float[] yf = new float[n];
      kernel.forward(Floats.narrow(x.values()), 0, yf, 0, n, params);
      Floats.widen(yf, y);
    } else {
      kernel.forward(x.values(), 0, y, 0, n, params);
    }
    return new Rows(y, x.start(), x.lines());
  }

  @Override
  public Rows backward(Rows x, Rows dy, Dtype dtype) {
    int n = x.size();
    double[] dx = new double[n];
    if (dtype == Dtype.F32) {
      float[] dxf = new float[n];
      kernel.backward(Floats.narrow(x.values()), 0, Floats.narrow(dy.values()), 0, dxf, 0, n, params, null);
      Floats.widen(dxf, dx);
    } else {
      kernel.backward(x.values(), 0, dy.values(), 0, dx, 0, n, params, null);
    }
    return new Rows(dx, x.start(), x.lines());
  }
}
