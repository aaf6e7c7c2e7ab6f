package org.actlab.nn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded shuffles and (optionally stratified) train/test splits, expressed as index arrays. */
final class Splits {

  /** Indices of the train and the test part, each in a shuffled order. */
  record Split(int[] train, int[] test) {}

  private Splits() {}

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p, rng);
    return p;
  }

  static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Shuffles, then takes the first {@code test} for test and the next {@code train} for training. */
  static Split random(int n, int train, int test, SplittableRandom rng) {
    int[] p = permutation(n, rng);
    return new Split(java.util.Arrays.copyOfRange(p, test, test + train), java.util.Arrays.copyOf(p, test));
  }

  /**
   * Like {@link #random} but each class gets its share of the test part (largest-remainder rounding, so the
   * sizes are exact), and likewise of the train part.
   */
  static Split stratified(int[] labels, int classes, int train, int test, SplittableRandom rng) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i : permutation(labels.length, rng)) {
      byClass.get(labels[i]).add(i);
    }
    int[] counts = byClass.stream().mapToInt(List::size).toArray();
    int[] testShare = shares(counts, test);
    int[] rest = new int[classes];
    for (int c = 0; c < classes; c++) {
      rest[c] = counts[c] - testShare[c];
    }
    int[] trainShare = shares(rest, train);
    int[] tr = new int[train];
    int[] te = new int[test];
    int a = 0;
    int b = 0;
    for (int c = 0; c < classes; c++) {
      List<Integer> idx = byClass.get(c);
      for (int k = 0; k < testShare[c]; k++) {
        te[b++] = idx.get(k);
      }
      for (int k = 0; k < trainShare[c]; k++) {
        tr[a++] = idx.get(testShare[c] + k);
      }
    }
    shuffle(tr, rng);
    shuffle(te, rng);
    return new Split(tr, te);
  }

  /** Splits {@code total} over the classes in proportion to {@code counts}, never exceeding a count. */
  private static int[] shares(int[] counts, int total) {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    int[] s = new int[counts.length];
    double[] frac = new double[counts.length];
    int given = 0;
    for (int c = 0; c < counts.length; c++) {
      double exact = n == 0 ? 0 : (double) total * counts[c] / n;
      s[c] = (int) Math.floor(exact);
      frac[c] = exact - s[c];
      given += s[c];
    }
    while (given < total) {
      int best = -1;
      for (int c = 0; c < counts.length; c++) {
        if (s[c] < counts[c] && (best < 0 || frac[c] > frac[best])) {
          best = c;
        }
      }
      s[best]++;
      frac[best] = -1;
      given++;
    }
    return s;
  }
}
