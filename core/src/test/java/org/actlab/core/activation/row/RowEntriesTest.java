package org.actlab.core.activation.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.kernel.RowKernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract checks over every row function in the catalog, at default parameters, with seeded random rows. */
class RowEntriesTest {

  private static final long SEED = Long.getLong("actlab.seed", 0x5EED_2026L);
  private static final double[] LARGE = {1e4, -1e4, 700, -700, 1e300, -1e300};

  @BeforeAll
  static void printSeed() {
    System.out.println("RowEntriesTest seed = " + SEED + " (rerun with -Dactlab.seed=" + SEED + ")");
  }

  /** Row lengths 1..9 the entry accepts (GLUs: the even ones). */
  private static int[] lengths(RowActivation fn) {
    return java.util.stream.IntStream.rangeClosed(1, 9).filter(n -> accepts(fn, n)).toArray();
  }

  private static boolean accepts(RowActivation fn, int n) {
    try {
      fn.outputLength(n);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static double[] forward(RowActivation fn, double[] x, double[] p) {
    double[] y = new double[fn.outputLength(x.length)];
    fn.forward(x, 0, x.length, y, 0, p);
    return y;
  }

  private static double[] backward(RowActivation fn, double[] x, double[] dy, double[] p) {
    double[] dx = new double[x.length];
    fn.backward(x, 0, x.length, dy, 0, dx, 0, p, new double[Math.max(x.length, dy.length)]);
    return dx;
  }

  private static double dot(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += u[i] * v[i];
    }
    return s;
  }

  private static double[] gaussianRow(SplittableRandom r, int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * (r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5) * 2;
    }
    return x;
  }

  /**
   * Backward against central differences of {@code ⟨dy, f(x)⟩}. Points where the two one-sided differences
   * disagree sit within a step of a kink (sparsemax's support change, reglu's b = 0): they are skipped for
   * entries that declare a kink-bearing smoothness, must be rare, and never happen for C∞ entries.
   */
  @Test
  void backwardMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(SEED);
    int checked = 0;
    for (RowActivation fn : Catalog.rows()) {
      String id = fn.spec().id();
      double[] p = fn.spec().defaults();
      int[] ns = lengths(fn);
      assertTrue(ns.length > 0, id + " accepts no length in 1..9");
      int points = 0;
      int skipped = 0;
      for (int trial = 0; trial < 40; trial++) {
        for (int n : ns) {
          double[] x = gaussianRow(r, n, 1.5);
          double[] dy = gaussianRow(r, fn.outputLength(n), 1);
          double[] dx = backward(fn, x, dy, p);
          for (int i = 0; i < n; i++) {
            double h = 1e-7 * Math.max(1, Math.abs(x[i]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fp = dot(dy, forward(fn, xp, p));
            double f0 = dot(dy, forward(fn, x, p));
            double fm = dot(dy, forward(fn, xm, p));
            double central = (fp - fm) / (xp[i] - xm[i]);
            double scale = Math.max(1, Math.abs(central));
            points++;
            double oneSidedGap = Math.abs((fp - f0) / (xp[i] - x[i]) - (f0 - fm) / (x[i] - xm[i]));
            if (oneSidedGap > 1e-6 * scale) {
              assertFalse(fn.spec().smoothness() == Smoothness.C_INF,
                  id + " is declared C∞ but has a kink near x = " + Arrays.toString(x) + " at " + i);
              skipped++;
              continue;
            }
            assertEquals(central, dx[i], 2e-6 * scale,
                id + " backward at " + Arrays.toString(x) + ", dy " + Arrays.toString(dy) + ", index " + i);
          }
        }
      }
      assertTrue(skipped <= points / 20, id + ": skipped " + skipped + " of " + points + " points near kinks");
      checked++;
    }
    assertEquals(Catalog.rows().size(), checked);
  }

  /** Inputs are never modified and nothing outside the output slice is written, with non-zero offsets. */
  @Test
  void noMutationNoStrayWrites() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    int checked = 0;
    for (RowActivation fn : Catalog.rows()) {
      double[] p = fn.spec().defaults();
      double[] p0 = p.clone();
      for (int n : lengths(fn)) {
        int m = fn.outputLength(n);
        double[] x = gaussianRow(r, n + 5, 2);
        double[] dy = gaussianRow(r, m + 4, 1);
        double[] x0 = x.clone();
        double[] dy0 = dy.clone();
        double[] y = new double[m + 6];
        double[] dx = new double[n + 7];
        Arrays.fill(y, 12345.0);
        Arrays.fill(dx, 12345.0);
        fn.forward(x, 3, n, y, 2, p);
        fn.backward(x, 3, n, dy, 1, dx, 4, p, new double[Math.max(m, n)]);
        String id = fn.spec().id();
        assertArrayEquals(x0, x, id + " modified x");
        assertArrayEquals(dy0, dy, id + " modified dy");
        assertArrayEquals(p0, p, id + " modified p");
        for (int i = 0; i < y.length; i++) {
          assertEquals(i >= 2 && i < 2 + m, y[i] != 12345.0, id + " forward wrote y[" + i + "] wrongly");
        }
        for (int i = 0; i < dx.length; i++) {
          assertEquals(i >= 4 && i < 4 + n, dx[i] != 12345.0, id + " backward wrote dx[" + i + "] wrongly");
        }
      }
      checked++;
    }
    assertEquals(Catalog.rows().size(), checked);
  }

  @Test
  void nanAnywhereGivesNaNRow() {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    int checked = 0;
    for (RowActivation fn : Catalog.rows()) {
      double[] p = fn.spec().defaults();
      for (int n : lengths(fn)) {
        for (int at = 0; at < n; at++) {
          double[] x = gaussianRow(r, n, 2);
          x[at] = Double.NaN;
          double[] y = forward(fn, x, p);
          double[] dx = backward(fn, x, gaussianRow(r, y.length, 1), p);
          String where = fn.spec().id() + " with NaN at " + at + " of " + n;
          assertTrue(Arrays.stream(y).allMatch(Double::isNaN), where + ": forward " + Arrays.toString(y));
          assertTrue(Arrays.stream(dx).allMatch(Double::isNaN), where + ": backward " + Arrays.toString(dx));
        }
      }
      checked++;
    }
    assertEquals(Catalog.rows().size(), checked);
  }

  /**
   * Large finite inputs never overflow into NaN: distributions stay in range and sum to 1, log_softmax stays
   * finite, GLUs stay finite while the true product does (|x| ≤ 1e4) and never turn into NaN.
   */
  @Test
  void largeFiniteInputsDoNotOverflow() {
    SplittableRandom r = new SplittableRandom(SEED + 3);
    int checked = 0;
    for (RowActivation fn : Catalog.rows()) {
      String id = fn.spec().id();
      double[] p = fn.spec().defaults();
      Range range = fn.spec().range();
      boolean distribution = fn.spec().family() == Family.SOFTMAX && range.equals(Range.closed(0, 1));
      for (int trial = 0; trial < 200; trial++) {
        int[] ns = lengths(fn);
        int n = ns[r.nextInt(ns.length)];
        double[] x = new double[n];
        double big = 0;
        for (int i = 0; i < n; i++) {
          x[i] = r.nextInt(3) == 0 ? r.nextDouble(-3, 3) : LARGE[r.nextInt(LARGE.length)];
          big = Math.max(big, Math.abs(x[i]));
        }
        double[] y = forward(fn, x, p);
        double[] dx = backward(fn, x, gaussianRow(r, y.length, 1), p);
        String where = id + " at " + Arrays.toString(x);
        boolean mustBeFinite = fn.spec().family() == Family.SOFTMAX || big <= 1e4;
        for (double v : y) {
          assertFalse(Double.isNaN(v), where + ": forward NaN");
          assertTrue(!mustBeFinite || Double.isFinite(v), where + ": forward overflow " + v);
          assertTrue(range.contains(v) || Double.isInfinite(v), where + ": " + v + " outside " + range);
        }
        for (double v : dx) {
          assertFalse(Double.isNaN(v), where + ": backward NaN");
          assertTrue(!mustBeFinite || Double.isFinite(v), where + ": backward overflow " + v);
        }
        if (distribution) {
          assertEquals(1.0, Arrays.stream(y).sum(), 1e-12, where + ": does not sum to 1");
        }
      }
      checked++;
    }
    assertEquals(Catalog.rows().size(), checked);
  }

  /** The float32 kernel rounds the double reference once: within 1 ULP of the nearest float. */
  @Test
  void floatKernelMatchesDoubleKernel() {
    SplittableRandom r = new SplittableRandom(SEED + 4);
    int checked = 0;
    for (RowActivation fn : Catalog.rows()) {
      RowKernel k = new RowKernel(fn);
      double[] p = fn.spec().defaults();
      for (int n : lengths(fn)) {
        int rows = 3;
        int m = fn.outputLength(n);
        float[] xf = new float[rows * n];
        float[] gf = new float[rows * m];
        for (int i = 0; i < xf.length; i++) {
          xf[i] = (float) (r.nextInt(10) == 0 ? LARGE[r.nextInt(4)] : r.nextDouble(-6, 6));
        }
        for (int i = 0; i < gf.length; i++) {
          gf[i] = (float) r.nextDouble(-2, 2);
        }
        double[] xd = widen(xf);
        double[] gd = widen(gf);
        float[] yf = new float[rows * m];
        double[] yd = new double[rows * m];
        k.forward(xf, 0, rows, n, yf, 0, p);
        k.forward(xd, 0, rows, n, yd, 0, p);
        float[] dxf = new float[rows * n];
        double[] dxd = new double[rows * n];
        k.backward(xf, 0, rows, n, gf, 0, dxf, 0, p);
        k.backward(xd, 0, rows, n, gd, 0, dxd, 0, p);
        String id = fn.spec().id();
        assertWithinUlp(yd, yf, id + " forward at " + Arrays.toString(xf));
        assertWithinUlp(dxd, dxf, id + " backward at " + Arrays.toString(xf));
      }
      checked++;
    }
    assertEquals(Catalog.rows().size(), checked);
  }

  private static double[] widen(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void assertWithinUlp(double[] d, float[] f, String what) {
    for (int i = 0; i < d.length; i++) {
      float nearest = (float) d[i];
      boolean ok = Float.isNaN(nearest) ? Float.isNaN(f[i])
          : nearest == f[i] || Math.abs(f[i] - nearest) <= Math.ulp(nearest);
      assertTrue(ok, what + ": index " + i + " float " + f[i] + " vs double " + d[i]);
    }
  }
}
