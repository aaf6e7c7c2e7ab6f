package org.actlab.app;

/** Conversions between the reader's doubles (which hold exact floats in F32 mode) and float arrays. */
final class Floats {

  private Floats() {}

  static float[] narrow(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  static void widen(float[] f, double[] v) {
    for (int i = 0; i < f.length; i++) {
      v[i] = f[i];
    }
  }
}
