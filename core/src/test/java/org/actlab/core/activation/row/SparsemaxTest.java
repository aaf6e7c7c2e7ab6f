package org.actlab.core.activation.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Sparsemax on hand-computed rows, special rows, and against a textbook reference with Arrays.sort. */
class SparsemaxTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;
  private static final double[] NONE = {};
  private static final Sparsemax SPARSEMAX = new Sparsemax();

  private static double[] forward(double... x) {
    double[] y = new double[x.length];
    SPARSEMAX.forward(x, 0, x.length, y, 0, NONE);
    return y;
  }

  private static double[] backward(double[] x, double... dy) {
    double[] dx = new double[x.length];
    SPARSEMAX.backward(x, 0, x.length, dy, 0, dx, 0, NONE, new double[x.length]);
    return dx;
  }

  @Test
  void handComputedRows() {
    // [1, 0.5, −1]: k = 2 (1 + 2·0.5 > 1.5, 1 + 3·(−1) < 0.5), τ = (1.5 − 1)/2 = 0.25.
    assertArrayEquals(new double[] {0.75, 0.25, 0}, forward(1, 0.5, -1));
    assertArrayEquals(new double[] {-0.5, 0.5, 0}, backward(new double[] {1, 0.5, -1}, 1, 2, 3));
    // Ties: [0.5, 0.5, 0]: k = 3 fails with equality (1 + 0 = 1), τ = 0.
    assertArrayEquals(new double[] {0.5, 0.5, 0}, forward(0.5, 0.5, 0));
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, forward(1, 1, 1), 1e-16);
    assertArrayEquals(new double[] {0, 0, 0}, backward(new double[] {1, 1, 1}, 5, 5, 5));
    // [2, 0, 0]: only the top survives, τ = 1; the one-hot point has zero Jacobian.
    assertArrayEquals(new double[] {1, 0, 0}, forward(2, 0, 0));
    assertArrayEquals(new double[] {0, 0, 0}, backward(new double[] {2, 0, 0}, 1, 2, 3));
    // [0.2, 0.2, 0.1]: all three in the support, τ = (0.5 − 1)/3 = −1/6.
    assertArrayEquals(new double[] {11.0 / 30, 11.0 / 30, 8.0 / 30}, forward(0.2, 0.2, 0.1), 1e-15);
    assertArrayEquals(new double[] {1}, forward(-42));
  }

  @Test
  void specialRows() {
    assertArrayEquals(new double[] {NAN, NAN, NAN}, forward(0, NAN, 1));
    assertArrayEquals(new double[] {1, 0, 0}, forward(INF, 0, 5));
    assertArrayEquals(new double[] {NAN, NAN, 0}, forward(INF, INF, 0));
    assertArrayEquals(new double[] {0, 0.25, 0.75}, forward(-INF, 0, 0.5));
    assertArrayEquals(new double[] {NAN, NAN}, forward(-INF, -INF));
    assertArrayEquals(new double[] {0, 0, 0}, backward(new double[] {INF, 0, 5}, 1, 2, 3));
    assertArrayEquals(new double[] {NAN, NAN, NAN}, backward(new double[] {INF, INF, 0}, 1, 2, 3));
    // Shifted by the maximum first: a row spanning more than Double.MAX_VALUE still works.
    assertArrayEquals(new double[] {1, 0}, forward(Double.MAX_VALUE, -Double.MAX_VALUE));
    assertArrayEquals(new double[] {0.75, 0.25, 0}, forward(1e4 + 1, 1e4 + 0.5, 1e4 - 1));
  }

  /** Random rows (with ties) against the textbook algorithm; the output lies on the simplex. */
  @Test
  void matchesTextbookReference() {
    long seed = 0x5A95L;
    System.out.println("SparsemaxTest seed = " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < 500; t++) {
      int n = 1 + r.nextInt(t < 450 ? 20 : 2000);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextBoolean() ? Math.rint(r.nextDouble(-4, 4) * 4) / 4 : r.nextDouble(-4, 4);
      }
      double[] y = forward(x);
      double[] z = x.clone();
      Arrays.sort(z);
      double sum = 0;
      double tau = 0;
      for (int k = 1; k <= n; k++) {
        double zk = z[n - k];
        if (1 + k * zk > sum + zk) {
          sum += zk;
          tau = (sum - 1) / k;
        } else {
          break;
        }
      }
      double total = 0;
      for (int i = 0; i < n; i++) {
        assertEquals(Math.max(x[i] - tau, 0), y[i], 1e-13, "seed " + seed + " trial " + t + " index " + i);
        assertTrue(y[i] >= 0);
        total += y[i];
      }
      assertEquals(1.0, total, 1e-12);
    }
  }

  /** "No allocation per row": many forward/backward calls on a long row allocate nothing measurable. */
  @Test
  void doesNotAllocatePerRow() {
    Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
    int n = 10_000;
    double[] x = new SplittableRandom(3).doubles(n, -3, 3).toArray();
    double[] y = new double[n];
    double[] dx = new double[n];
    double[] work = new double[n];
    SPARSEMAX.forward(x, 0, n, y, 0, NONE);
    long id = Thread.currentThread().threadId();
    long before = bean.getThreadAllocatedBytes(id);
    for (int rep = 0; rep < 20; rep++) {
      SPARSEMAX.forward(x, 0, n, y, 0, NONE);
      SPARSEMAX.backward(x, 0, n, y, 0, dx, 0, NONE, work);
    }
    long allocated = bean.getThreadAllocatedBytes(id) - before;
    assertTrue(allocated < 8 * n, "40 calls on a row of " + n + " allocated " + allocated + " bytes");
  }
}
