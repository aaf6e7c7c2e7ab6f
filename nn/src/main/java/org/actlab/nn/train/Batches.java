package org.actlab.nn.train;

import java.util.SplittableRandom;

import org.actlab.nn.Tensor;

/** Mini-batch assembly: permutations and row gathers into new tensors (the data set is never modified). */
final class Batches {

  private Batches() {}

  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Samples {@code order[from..to)} of {@code src} (or rows from..to when {@code order} is null). */
  static Tensor rows(Tensor src, int[] order, int from, int to) {
    int[] shape = src.shape();
    shape[0] = to - from;
    Tensor t = new Tensor(shape);
    int size = src.stride0();
    float[] s = src.data();
    float[] d = t.data();
    for (int i = from; i < to; i++) {
      int row = order == null ? i : order[i];
      System.arraycopy(s, row * size, d, (i - from) * size, size);
    }
    return t;
  }

  /** How many rows of {@code out} ([B, classes]) have their largest value at the target class index. */
  static long correct(Tensor out, Tensor target) {
    int b = out.dim(0);
    int c = out.stride0();
    float[] o = out.data();
    long hits = 0;
    for (int i = 0; i < b; i++) {
      int best = 0;
      for (int k = 1; k < c; k++) {
        if (o[i * c + k] > o[i * c + best]) {
          best = k;
        }
      }
      if (best == (int) target.data()[i]) {
        hits++;
      }
    }
    return hits;
  }
}
