package org.actlab.core.activation;

/**
 * A function of a whole row (the last axis): softmax, log_softmax, sparsemax, the GLU family.
 *
 * <p>The backward is a vector-Jacobian product: given the upstream gradient {@code dy} of the output row it
 * writes {@code dx = Jᵀ dy}. Inputs are never modified; outputs go to caller-supplied buffers. Implementations
 * may not allocate per element, and must not overflow for finite input (max-shifted forms).
 */
public non-sealed interface RowActivation extends Entry {

  /** Output length for an input row of length {@code n}; throws if {@code n} is not acceptable (odd for GLUs). */
  int outputLength(int n);

  /** {@code y[yOff .. yOff+outputLength(n))  = f(x[xOff .. xOff+n))}. */
  void forward(double[] x, int xOff, int n, double[] y, int yOff, double[] p);

  /**
   * {@code dx[dxOff .. dxOff+n) = Jᵀ·dy} where {@code dy} has {@code outputLength(n)} entries. {@code work} is
   * scratch of at least {@code outputLength(n)} doubles the implementation may overwrite (it usually holds the
   * recomputed forward output), so that no allocation happens per row.
   */
  void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                double[] work);
}
