package org.actlab.nn.layer;


import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/**
 * Max pooling over {@code k×k} windows with a stride, no padding, floor mode (PyTorch's {@code MaxPool2d} with
 * {@code padding=0}), on {@code [B, C, H, W]}.
 *
 * <p>Forward remembers the position of each window's maximum; backward sends the gradient there only. Ties go to
 * the first maximum in row-major window order, and a NaN in a window wins (it propagates, as in PyTorch), so the
 * choice is deterministic. Overlapping windows (stride &lt; k) may pick the same input, whose gradients add.
 */
public final class MaxPool2D implements Layer {

  private final int k;
  private final int stride;
  private int[] argmax;
  private int[] inShape;
  private int[] outShape;

  public MaxPool2D(int k, int stride) {
    Params.requireWindow("maxpool2d", k, stride, 0);
    this.k = k;
    this.stride = stride;
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    int[] o = outputShape(Params.sample(x));
    int planes = x.dim(0) * x.dim(1);
    int h = x.dim(2);
    int w = x.dim(3);
    Tensor y = new Tensor(Params.batched(x.dim(0), o));
    int[] arg = new int[y.size()];
    float[] xd = x.data();
    int t = 0;
    for (int p = 0; p < planes; p++) {
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          int best = p * h * w + oy * stride * w + ox * stride;
          for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
              int at = p * h * w + (oy * stride + i) * w + ox * stride + j;
              if (xd[at] > xd[best] || (Float.isNaN(xd[at]) && !Float.isNaN(xd[best]))) {
                best = at;
              }
            }
          }
          arg[t] = best;
          y.data()[t++] = xd[best];
        }
      }
    }
    argmax = arg;
    inShape = x.shape();
    outShape = y.shape();
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (argmax == null) {
      throw new IllegalStateException("backward before forward");
    }
    Params.requireGradient(describe(), dy, outShape);
    Tensor dx = new Tensor(inShape);
    for (int t = 0; t < argmax.length; t++) {
      dx.data()[argmax[t]] += dy.data()[t];
    }
    return dx;
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3) {
      throw new IllegalArgumentException(describe() + " expects samples [C, H, W] (NCHW), got " + Params.shape(s));
    }
    return new int[] {s[0], Params.windows("maxpool2d", "height", s[1], k, stride, 0),
        Params.windows("maxpool2d", "width", s[2], k, stride, 0)};
  }

  @Override
  public String describe() {
    return "maxpool2d(k=" + k + ", stride=" + stride + ")";
  }
}
