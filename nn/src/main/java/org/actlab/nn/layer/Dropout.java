package org.actlab.nn.layer;

import java.util.SplittableRandom;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/**
 * Inverted dropout (Srivastava et al. 2014, PyTorch's {@code Dropout}): in TRAIN each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1/(1 − p)}, so the expected activation is
 * unchanged and EVAL is the identity. Backward multiplies by the same mask.
 *
 * <p>The mask comes from the layer's own generator, given at construction or replaced by {@link #initialize}
 * ({@code rng.split()}), so a run is reproducible from its seed. {@code p = 1} zeroes everything (no division).
 */
public final class Dropout implements Layer {

  private final double p;
  private SplittableRandom rng;
  private float[] mask;
  private int[] shape;

  /** Dropout with probability {@code p} in [0, 1]; {@code rng} may be null until {@link #initialize}. */
  public Dropout(double p, SplittableRandom rng) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
    }
    this.p = p;
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    shape = x.shape();
    if (mode == Mode.EVAL || p == 0) {
      mask = null;
      return x.copy();
    }
    if (rng == null) {
      throw new IllegalStateException("dropout in TRAIN needs a random generator: pass one at construction or "
          + "call initialize(rng)");
    }
    float keep = p == 1 ? 0f : (float) (1 / (1 - p));
    mask = new float[x.size()];
    Tensor y = new Tensor(shape);
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rng.nextDouble() >= p ? keep : 0f;
      y.data()[i] = x.data()[i] * mask[i];
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    if (shape == null) {
      throw new IllegalStateException("backward before forward");
    }
    Params.requireGradient(describe(), dy, shape);
    if (mask == null) {
      return dy.copy();
    }
    Tensor dx = new Tensor(shape);
    for (int i = 0; i < mask.length; i++) {
      dx.data()[i] = dy.data()[i] * mask[i];
    }
    return dx;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public String describe() {
    return "dropout(p=" + p + ")";
  }

  /** Replaces the mask generator by {@code rng.split()}. */
  @Override
  public void initialize(SplittableRandom rng) {
    this.rng = rng.split();
  }
}
