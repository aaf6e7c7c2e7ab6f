package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Tensor;

/** The two sampling loops every random initializer uses; draws in row-major order, one draw per element. */
final class Fill {

  private Fill() {}

  static void normal(Tensor w, double mean, double std, SplittableRandom rng) {
    float[] d = w.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (mean + std * rng.nextGaussian());
    }
  }

  /** U(a, b), with b excluded as PyTorch's uniform_. */
  static void uniform(Tensor w, double a, double b, SplittableRandom rng) {
    float[] d = w.data();
    for (int i = 0; i < d.length; i++) {
      float v = (float) (a + (b - a) * rng.nextDouble());
      d[i] = v < b ? v : Math.nextDown((float) b); // rounding to float must not reach b
    }
  }

  static void positive(String who, String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(who + ": " + name + " must be a finite number > 0 (got " + v + ")");
    }
  }

  static void finite(String who, String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(who + ": " + name + " must be finite (got " + v + ")");
    }
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toString();
  }
}
