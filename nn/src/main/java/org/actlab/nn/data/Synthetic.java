package org.actlab.nn.data;

import java.util.SplittableRandom;

/**
 * Toy problems generated from a seed, as in the lecture notes and scikit-learn's {@code make_*} functions.
 * Classification sets give {@code n} points of 2 features with balanced classes (generated class by class; the
 * split shuffles); regression sets give their targets as {@code [n, 1]}.
 */
final class Synthetic {

  /** Generated samples: {@code x} is row-major {@code n × features}; {@code y} labels or regression values. */
  record Samples(float[] x, int features, int[] labels, float[] values) {}

  private Synthetic() {}

  /** XOR of the signs of two uniform coordinates in [-1, 1]²; {@code noise} jitters the points afterwards. */
  static Samples xor(int n, double noise, SplittableRandom rng) {
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i * 2 / n;
      double a;
      double b;
      do {
        a = rng.nextDouble(-1, 1);
        b = rng.nextDouble(-1, 1);
      } while (((a > 0) ^ (b > 0) ? 1 : 0) != c || a == 0 || b == 0);
      point(x, y, i, a + noise * rng.nextGaussian(), b + noise * rng.nextGaussian(), c);
    }
    return new Samples(x, 2, y, null);
  }

  /** Two concentric circles (radius 1: class 0, radius {@code factor}: class 1) plus Gaussian noise. */
  static Samples circles(int n, double noise, double factor, SplittableRandom rng) {
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i * 2 / n;
      double r = c == 0 ? 1 : factor;
      double t = rng.nextDouble(0, 2 * Math.PI);
      point(x, y, i, r * Math.cos(t) + noise * rng.nextGaussian(), r * Math.sin(t) + noise * rng.nextGaussian(), c);
    }
    return new Samples(x, 2, y, null);
  }

  /** Two interleaving half circles (scikit-learn's make_moons) plus Gaussian noise. */
  static Samples moons(int n, double noise, SplittableRandom rng) {
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i * 2 / n;
      double t = rng.nextDouble(0, Math.PI);
      double a = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
      double b = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      point(x, y, i, a + noise * rng.nextGaussian(), b + noise * rng.nextGaussian(), c);
    }
    return new Samples(x, 2, y, null);
  }

  /** {@code classes} interleaved spiral arms (the CS231n spiral): radius grows with the angle. */
  static Samples spirals(int n, int classes, double noise, SplittableRandom rng) {
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = (int) ((long) i * classes / n);
      double r = rng.nextDouble();
      double t = c * 2 * Math.PI / classes + 4 * r + noise * rng.nextGaussian();
      point(x, y, i, r * Math.sin(t), r * Math.cos(t), c);
    }
    return new Samples(x, 2, y, null);
  }

  /** Gaussian blobs of standard deviation {@code std} around centres drawn uniformly in [-5, 5]². */
  static Samples blobs(int n, int classes, double std, SplittableRandom rng) {
    double[] centres = new double[2 * classes];
    for (int k = 0; k < centres.length; k++) {
      centres[k] = rng.nextDouble(-5, 5);
    }
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int c = (int) ((long) i * classes / n);
      point(x, y, i, centres[2 * c] + std * rng.nextGaussian(), centres[2 * c + 1] + std * rng.nextGaussian(), c);
    }
    return new Samples(x, 2, y, null);
  }

  /** The notes' regression: x ~ N(0, I) with {@code features} columns, target sin(x0) + cos(x1) (+ noise). */
  static Samples sincos(int n, int features, double noise, SplittableRandom rng) {
    float[] x = new float[n * features];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < features; j++) {
        x[i * features + j] = (float) rng.nextGaussian();
      }
      v[i] = (float) (Math.sin(x[i * features]) + Math.cos(x[i * features + 1]) + noise * rng.nextGaussian());
    }
    return new Samples(x, features, null, v);
  }

  /**
   * A periodic series {@code sin(x) + 0.5·sin(3x)} (+ noise) sampled at uniform random points of [lo, hi);
   * Snake's use case (Liu Ziyin et al. 2020): fit one interval, extrapolate to the next.
   */
  static Samples periodic(int n, double lo, double hi, double noise, SplittableRandom rng) {
    float[] x = new float[n];
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      double t = rng.nextDouble(lo, hi);
      x[i] = (float) t;
      v[i] = (float) (wave(x[i]) + noise * rng.nextGaussian());
    }
    return new Samples(x, 1, null, v);
  }

  /** The noiseless periodic target. */
  static double wave(double t) {
    return Math.sin(t) + 0.5 * Math.sin(3 * t);
  }

  private static void point(float[] x, int[] y, int i, double a, double b, int c) {
    x[2 * i] = (float) a;
    x[2 * i + 1] = (float) b;
    y[i] = c;
  }
}
