package org.actlab.core.activation.row;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.RowActivation;

/**
 * The GLU family's shared row plumbing: each member is its {@link #spec()} plus its {@link #gate()}, and
 * {@link GluMath} does the split, the product and the vector-Jacobian product.
 */
abstract class GatedUnit implements RowActivation {

  /** The elementwise gate applied to the second half; the GLU's parameters are passed to it unchanged. */
  abstract Activation gate();

  @Override
  public final int outputLength(int n) {
    return GluMath.half(spec().id(), n);
  }

  @Override
  public final void forward(double[] x, int xOff, int n, double[] y, int yOff, double[] p) {
    GluMath.forward(spec().id(), gate(), x, xOff, n, y, yOff, p);
  }

  @Override
  public final void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff,
                             double[] p, double[] work) {
    GluMath.backward(spec().id(), gate(), x, xOff, n, dy, dyOff, dx, dxOff, p);
  }
}
