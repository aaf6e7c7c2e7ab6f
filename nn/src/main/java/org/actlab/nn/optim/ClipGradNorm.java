package org.actlab.nn.optim;

import java.util.List;
import org.actlab.nn.Parameter;

/**
 * Global L2 norm clipping, PyTorch's {@code torch.nn.utils.clip_grad_norm_(params, max_norm)} with
 * {@code norm_type=2} (https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html):
 * <pre>
 *   N = √(Σ over all parameters and elements of g²)
 *   c = min(1, max_norm / (N + 1e-6));  g ← c·g
 * </pre>
 * All gradients are scaled by the same factor, so the update's direction is kept and only its length capped
 * (Pascanu, Mikolov &amp; Bengio, "On the difficulty of training recurrent neural networks", ICML 2013). The 1e-6
 * keeps the factor finite for a zero gradient and makes the clipped norm slightly below max_norm, exactly as
 * PyTorch. The sum is in double. As PyTorch with {@code error_if_nonfinite=False}, a NaN norm makes every
 * gradient NaN (c is NaN) and an infinite norm gives c = 0: the failure shows instead of being hidden.
 */
public record ClipGradNorm(double maxNorm) implements GradClipper {

  public ClipGradNorm {
    Hyper.positive("clip_grad_norm", "max_norm", maxNorm);
  }

  /** Total norm before clipping. */
  @Override
  public double clip(List<Parameter> params) {
    double sum = 0;
    for (Parameter p : params) {
      for (float g : p.grad().data()) {
        sum += (double) g * g;
      }
    }
    double norm = Math.sqrt(sum);
    double coef = Math.min(1.0, maxNorm / (norm + 1e-6));
    if (coef < 1 || Double.isNaN(coef)) {
      for (Parameter p : params) {
        float[] g = p.grad().data();
        for (int i = 0; i < g.length; i++) {
          g[i] = (float) (g[i] * coef);
        }
      }
    }
    return norm;
  }

  @Override
  public String describe() {
    return "clip_grad_norm(max_norm=" + Hyper.fmt(maxNorm) + ")";
  }
}
