package org.actlab.core.kernel;

/** Argument checks shared by the kernels, so that a bad offset fails with a message instead of corrupting data. */
public final class Bounds {

  private Bounds() {}

  public static void check(int length, int off, int n, String what) {
    if (off < 0 || n < 0 || off > length - n) {
      throw new IndexOutOfBoundsException(what + ": offset " + off + " + length " + n + " exceeds array of "
          + length);
    }
  }

  /** Element count of a {@code rows × cols} matrix, checked for sign and int overflow. */
  public static int matrix(int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols > Integer.MAX_VALUE) {
      throw new IndexOutOfBoundsException("matrix of " + rows + " x " + cols + " elements is negative or too large");
    }
    return rows * cols;
  }

  /** Validates the parameter-gradient buffer against the block and returns per-element scratch. */
  static double[] paramGradient(double[] gp, ParamBlock p) {
    if (gp.length != p.channels() * p.width()) {
      throw new IllegalArgumentException("parameter gradient buffer needs " + p.channels() * p.width()
          + " slots (channels*width), got " + gp.length);
    }
    return new double[p.width()];
  }
}
