package org.actlab.core.activation.row;

import java.util.Arrays;

import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;

/**
 * Log-softmax over the last axis: {@code y_i = x_i − max − log Σ_j e^{x_j − max}}.
 *
 * <p>Jacobian {@code δ_ij − softmax(x)_j}; the backward is {@code g − softmax(x) · Σ_j g_j}. The sum is split
 * as {@code 1 + r} (the first maximum contributes exactly 1) and its log taken as {@code log1p(r)}, so a
 * dominant entry keeps a tiny, correct value ({@code [0, −40]} gives {@code −4.2e−18}, not 0). Finite input
 * never overflows. Special rows: a NaN anywhere gives a NaN row; a single {@code +∞} gives 0 there and
 * {@code −∞} elsewhere (the log of softmax's one-hot limit); several {@code +∞} give NaN there and {@code −∞}
 * elsewhere; an all-{@code −∞} row is NaN; a {@code −∞} entry in an otherwise finite row gives {@code −∞}.
 */
public final class LogSoftmax implements RowActivation {

  private static final Spec SPEC = Spec.builder("log_softmax")
      .name("LogSoftmax")
      .family(Family.SOFTMAX)
      .formula("\\mathrm{log\\_softmax}(x)_i = x_i - \\log \\sum_j e^{x_j}")
      .derivative("\\frac{\\partial y_i}{\\partial x_j} = \\delta_{ij} - \\mathrm{softmax}(x)_j")
      .reference("PyTorch torch.nn.LogSoftmax; J. Bridle, Probabilistic Interpretation of Feedforward "
          + "Classification Network Outputs, 1990")
      .range(new Range(Double.NEGATIVE_INFINITY, 0, false, true))
      .smoothness(Smoothness.C_INF)
      .saturation(Saturation.POSITIVE)
      .plot(-5, 5)
      .notes("Output function: log-probabilities of a row of logits, the input the negative log-likelihood "
          + "loss expects (together: softmax cross-entropy). Never compute log(softmax(x)): it underflows to "
          + "-inf for small probabilities; this max-shifted form stays finite. Not a hidden-layer activation. "
          + "dy_i/dx_i = 1 - softmax_i vanishes only when x_i dominates the row (saturation on the positive "
          + "side); a losing logit keeps gradient 1.")
      .build();

  @Override
  public Spec spec() {
    return SPEC;
  }

  @Override
  public int outputLength(int n) {
    return n;
  }

  @Override
  public void forward(double[] x, int xOff, int n, double[] y, int yOff, double[] p) {
    int top = -1;
    int infinite = 0;
    for (int i = 0; i < n; i++) {
      double v = x[xOff + i];
      if (v != v) {
        Arrays.fill(y, yOff, yOff + n, Double.NaN);
        return;
      }
      infinite += v == Double.POSITIVE_INFINITY ? 1 : 0;
      top = top < 0 || v > x[xOff + top] ? i : top;
    }
    double max = n == 0 ? 0 : x[xOff + top];
    if (infinite > 0 || max == Double.NEGATIVE_INFINITY) {
      double atInf = infinite == 1 ? 0.0 : Double.NaN;
      for (int i = 0; i < n; i++) {
        y[yOff + i] = x[xOff + i] == Double.POSITIVE_INFINITY ? atInf : infinite > 0 ? Double.NEGATIVE_INFINITY
            : Double.NaN;
      }
      return;
    }
    double rest = 0;
    for (int i = 0; i < n; i++) {
      rest += i == top ? 0 : Math.exp(x[xOff + i] - max);
    }
    double lse = Math.log1p(rest); // log Σ e^{x−max} = log(1 + rest); rest < n, so no overflow
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (x[xOff + i] - max) - lse;
    }
  }

  @Override
  public void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                       double[] work) {
    RowMath.softmax(x, xOff, n, 1.0, work, 0);
    RowMath.logSoftmaxVjp(work, 0, n, dy, dyOff, dx, dxOff);
  }
}
