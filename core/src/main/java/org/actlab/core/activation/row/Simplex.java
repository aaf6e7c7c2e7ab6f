package org.actlab.core.activation.row;

/**
 * The threshold of the Euclidean projection onto the probability simplex (sparsemax), by sorting. Split from
 * {@link Sparsemax} to keep that file a data sheet.
 */
final class Simplex {

  private Simplex() {}

  /**
   * {@code τ} of the shifted row {@code x − max}, using {@code z} (from {@code zOff}, length n) as scratch for
   * the sorted copy. The top entry is 0 after the shift, so {@code τ ∈ [−1, 0)}; entries shifted to
   * {@code −∞} (overflow of {@code x − max}) fail the support test and are harmless.
   */
  static double threshold(double[] x, int xOff, int n, double max, double[] z, int zOff) {
    for (int i = 0; i < n; i++) {
      z[zOff + i] = x[xOff + i] - max;
    }
    heapSortDescending(z, zOff, n);
    double sum = 0;
    int k = 0;
    while (k < n && 1 + (k + 1) * z[zOff + k] > sum + z[zOff + k]) { // support test for size k + 1
      sum += z[zOff + k];
      k++;
    }
    return (sum - 1) / k; // k ≥ 1: the top entry (0) always passes 1 + 0 > 0
  }

  /** Heap sort into decreasing order, in place: O(n log n), no allocation (Arrays.sort may allocate). */
  private static void heapSortDescending(double[] a, int off, int n) {
    for (int i = n / 2 - 1; i >= 0; i--) {
      siftDown(a, off, i, n);
    }
    for (int end = n - 1; end > 0; end--) {
      double t = a[off];
      a[off] = a[off + end];
      a[off + end] = t;
      siftDown(a, off, 0, end);
    }
  }

  /** Min-heap sift, so that repeatedly moving the root to the end leaves the array decreasing. */
  private static void siftDown(double[] a, int off, int i, int n) {
    double v = a[off + i];
    for (int c = 2 * i + 1; c < n; c = 2 * i + 1) {
      if (c + 1 < n && a[off + c + 1] < a[off + c]) {
        c++;
      }
      if (!(a[off + c] < v)) {
        break;
      }
      a[off + i] = a[off + c];
      i = c;
    }
    a[off + i] = v;
  }
}
