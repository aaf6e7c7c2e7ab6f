package org.actlab.nn.optim;

import java.util.List;
import org.actlab.nn.Parameter;

/**
 * Elementwise clipping, PyTorch's {@code torch.nn.utils.clip_grad_value_(params, clip_value)}
 * (https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_value_.html): {@code g ← clamp(g, −v, v)}.
 * Unlike {@link ClipGradNorm} it changes the gradient's direction; NaN stays NaN (as torch.clamp).
 */
public record ClipGradValue(double clipValue) implements GradClipper {

  public ClipGradValue {
    Hyper.positive("clip_grad_value", "clip_value", clipValue);
  }

  /** The largest |g| before clipping (NaN if any gradient is NaN). */
  @Override
  public double clip(List<Parameter> params) {
    float v = (float) clipValue;
    double max = 0;
    for (Parameter p : params) {
      float[] g = p.grad().data();
      for (int i = 0; i < g.length; i++) {
        max = Double.isNaN(g[i]) ? Double.NaN : Math.max(max, Math.abs(g[i]));
        g[i] = Math.max(-v, Math.min(v, g[i]));
      }
    }
    return max;
  }

  @Override
  public String describe() {
    return "clip_grad_value(clip_value=" + Hyper.fmt(clipValue) + ")";
  }
}
