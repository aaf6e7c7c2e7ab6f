package org.actlab.nn.math;

/**
 * Unfolds one C×H×W image into the column matrix a 2-D convolution multiplies, and folds gradients back
 * (Caffe's im2col/col2im, the layout cuDNN calls "implicit GEMM"). The column matrix has
 * {@code rows = C·kh·kw} (row {@code (c·kh + i)·kw + j}) and {@code cols = outH·outW} (column {@code oh·outW + ow}),
 * row-major, so a convolution with weights W[F, C·kh·kw] is {@code out[F, outH·outW] = W · cols}, the weight
 * gradient {@code dW += dout · colsᵀ} and the column gradient {@code dcols = Wᵀ · dout}, three {@link Gemm} calls.
 * Padding reads as zeros; {@link #col2im} is the exact adjoint of {@link #im2col} (it adds, where windows overlap).
 */
public final class Im2col {

  private Im2col() {}

  /**
   * The shape of one unfolding: input channels, height, width; kernel, stride and zero padding per axis.
   *
   * @throws IllegalArgumentException if a size is not positive, padding is negative, or the kernel does not fit
   *     the padded input
   */
  public record Geometry(int channels, int height, int width, int kernelH, int kernelW,
                         int strideH, int strideW, int padH, int padW) {
    public Geometry {
      if (channels < 1 || height < 1 || width < 1 || kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1) {
        throw new IllegalArgumentException("Im2col: channels, height, width, kernel and stride must be positive"
            + " (got C=" + channels + " H=" + height + " W=" + width + " kernel=" + kernelH + "×" + kernelW
            + " stride=" + strideH + "×" + strideW + ")");
      }
      if (padH < 0 || padW < 0) {
        throw new IllegalArgumentException("Im2col: padding must be non-negative (got " + padH + "×" + padW + ")");
      }
      if (height + 2 * padH < kernelH || width + 2 * padW < kernelW) {
        throw new IllegalArgumentException("Im2col: a " + kernelH + "×" + kernelW + " kernel does not fit the "
            + height + "×" + width + " input padded by " + padH + "×" + padW);
      }
    }

    /** Square kernel, stride and padding. */
    public static Geometry square(int channels, int height, int width, int kernel, int stride, int pad) {
      return new Geometry(channels, height, width, kernel, kernel, stride, stride, pad, pad);
    }

    public int outH() {
      return (height + 2 * padH - kernelH) / strideH + 1;
    }

    public int outW() {
      return (width + 2 * padW - kernelW) / strideW + 1;
    }

    /** Rows of the column matrix: C·kh·kw. */
    public int rows() {
      return channels * kernelH * kernelW;
    }

    /** Columns of the column matrix: outH·outW. */
    public int cols() {
      return outH() * outW();
    }
  }

  /** Writes the rows()×cols() column matrix of the image at {@code x[xOff..]} to {@code cols[colsOff..]}. */
  public static void im2col(Geometry g, float[] x, int xOff, float[] cols, int colsOff) {
    int oh = g.outH();
    int ow = g.outW();
    int hw = g.height() * g.width();
    for (int r = 0; r < g.rows(); r++) {
      int c = r / (g.kernelH() * g.kernelW());
      int i = r / g.kernelW() % g.kernelH();
      int j = r % g.kernelW();
      int dst = colsOff + r * oh * ow;
      for (int y = 0; y < oh; y++) {
        int h = y * g.strideH() - g.padH() + i;
        boolean rowIn = h >= 0 && h < g.height();
        int src = xOff + c * hw + h * g.width();
        for (int xo = 0; xo < ow; xo++, dst++) {
          int w = xo * g.strideW() - g.padW() + j;
          cols[dst] = rowIn && w >= 0 && w < g.width() ? x[src + w] : 0f;
        }
      }
    }
  }

  /** Adds the column-matrix gradient {@code cols[colsOff..]} back into the image gradient {@code dx[dxOff..]}. */
  public static void col2im(Geometry g, float[] cols, int colsOff, float[] dx, int dxOff) {
    int oh = g.outH();
    int ow = g.outW();
    int hw = g.height() * g.width();
    for (int r = 0; r < g.rows(); r++) {
      int c = r / (g.kernelH() * g.kernelW());
      int i = r / g.kernelW() % g.kernelH();
      int j = r % g.kernelW();
      int src = colsOff + r * oh * ow;
      for (int y = 0; y < oh; y++, src += ow) {
        int h = y * g.strideH() - g.padH() + i;
        if (h < 0 || h >= g.height()) {
          continue;
        }
        int dst = dxOff + c * hw + h * g.width();
        for (int xo = 0; xo < ow; xo++) {
          int w = xo * g.strideW() - g.padW() + j;
          if (w >= 0 && w < g.width()) {
            dx[dst + w] += cols[src + xo];
          }
        }
      }
    }
  }
}
