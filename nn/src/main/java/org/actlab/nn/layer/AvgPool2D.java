package org.actlab.nn.layer;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/**
 * Average pooling over {@code k×k} windows with a stride, no padding, floor mode (PyTorch's {@code AvgPool2d}
 * with {@code padding=0}), on {@code [B, C, H, W]}. Backward spreads each output gradient evenly, {@code dy/k²},
 * over its window; overlapping windows add.
 */
public final class AvgPool2D implements Layer {

  private final int k;
  private final int stride;
  private int[] inShape;

  public AvgPool2D(int k, int stride) {
    Params.requireWindow("avgpool2d", k, stride, 0);
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
    float[] xd = x.data();
    float inv = 1f / (k * k);
    int t = 0;
    for (int p = 0; p < planes; p++) {
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          float s = 0;
          for (int i = 0; i < k; i++) {
            int row = p * h * w + (oy * stride + i) * w + ox * stride;
            for (int j = 0; j < k; j++) {
              s += xd[row + j];
            }
          }
          y.data()[t++] = s * inv;
        }
      }
    }
    inShape = x.shape();
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (inShape == null) {
      throw new IllegalStateException("backward before forward");
    }
    int[] o = outputShape(new int[] {inShape[1], inShape[2], inShape[3]});
    Params.requireGradient(describe(), dy, Params.batched(inShape[0], o));
    Tensor dx = new Tensor(inShape);
    int planes = inShape[0] * inShape[1];
    int h = inShape[2];
    int w = inShape[3];
    float inv = 1f / (k * k);
    int t = 0;
    for (int p = 0; p < planes; p++) {
      for (int oy = 0; oy < o[1]; oy++) {
        for (int ox = 0; ox < o[2]; ox++) {
          float g = dy.data()[t++] * inv;
          for (int i = 0; i < k; i++) {
            int row = p * h * w + (oy * stride + i) * w + ox * stride;
            for (int j = 0; j < k; j++) {
              dx.data()[row + j] += g;
            }
          }
        }
      }
    }
    return dx;
  }

  @Override
  public int[] outputShape(int[] s) {
    if (s.length != 3) {
      throw new IllegalArgumentException(describe() + " expects samples [C, H, W] (NCHW), got " + Params.shape(s));
    }
    return new int[] {s[0], Params.windows("avgpool2d", "height", s[1], k, stride, 0),
        Params.windows("avgpool2d", "width", s[2], k, stride, 0)};
  }

  @Override
  public String describe() {
    return "avgpool2d(k=" + k + ", stride=" + stride + ")";
  }
}
