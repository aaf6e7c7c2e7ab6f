package org.actlab.nn.layer;

import java.util.SplittableRandom;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/**
 * Alpha dropout for self-normalising networks (Klambauer, Unterthiner, Mayr &amp; Hochreiter, "Self-Normalizing
 * Neural Networks", NeurIPS 2017; PyTorch's {@code AlphaDropout}): in TRAIN a dropped element is set to SELU's
 * negative saturation value {@code α' = −λα ≈ −1.7581} instead of 0, then {@code y = a·x̃ + b} with
 * {@code a = ((1 − p)(1 + p·α'²))^{−1/2}} and {@code b = −a·α'·p}, which keeps a zero-mean unit-variance input
 * at mean 0 and variance 1. Ordinary dropout would break SELU's fixed point. EVAL is the identity.
 *
 * <p>Backward: {@code dx = a·dy} for kept elements, 0 for dropped ones. Seeded like {@link Dropout}.
 */
public final class AlphaDropout implements Layer {

  /** {@code −λα} of SELU, rounded to double (λ = 1.0507009873554805, α = 1.6732632423543772). */
  static final double ALPHA_PRIME = -1.7580993408473768;

  private final double p;
  private final float a;
  private final float b;
  private SplittableRandom rng;
  private boolean[] kept;
  private int[] shape;

  /** Alpha dropout with probability {@code p} in [0, 1); {@code rng} may be null until {@link #initialize}. */
  public AlphaDropout(double p, SplittableRandom rng) {
    if (!(p >= 0 && p < 1)) {
      throw new IllegalArgumentException("alpha dropout probability has to be in [0, 1), but got " + p
          + " (p = 1 leaves no signal to renormalise)");
    }
    this.p = p;
    double scale = 1 / Math.sqrt((1 - p) * (1 + p * ALPHA_PRIME * ALPHA_PRIME));
    this.a = (float) scale;
    this.b = (float) (-scale * ALPHA_PRIME * p);
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    shape = x.shape();
    if (mode == Mode.EVAL || p == 0) {
      kept = null;
      return x.copy();
    }
    if (rng == null) {
      throw new IllegalStateException("alpha dropout in TRAIN needs a random generator: pass one at "
          + "construction or call initialize(rng)");
    }
    kept = new boolean[x.size()];
    Tensor y = new Tensor(shape);
    float dropped = (float) (a * ALPHA_PRIME + b);
    for (int i = 0; i < kept.length; i++) {
      kept[i] = rng.nextDouble() >= p;
      y.data()[i] = kept[i] ? a * x.data()[i] + b : dropped;
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (shape == null) {
      throw new IllegalStateException("backward before forward");
    }
    Params.requireGradient(describe(), dy, shape);
    if (kept == null) {
      return dy.copy();
    }
    Tensor dx = new Tensor(shape);
    for (int i = 0; i < kept.length; i++) {
      dx.data()[i] = kept[i] ? a * dy.data()[i] : 0f;
    }
    return dx;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public String describe() {
    return "alpha_dropout(p=" + p + ")";
  }

  /** Replaces the mask generator by {@code rng.split()}. */
  @Override
  public void initialize(SplittableRandom rng) {
    this.rng = rng.split();
  }
}
