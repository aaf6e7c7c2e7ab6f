package org.actlab.nn.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.kernel.KernelProvider;
import org.junit.jupiter.api.Test;

/**
 * Gemm against a double-precision reference for all transpose combinations, over shapes around the blocking sizes
 * (MR=8, NR=2 vectors, KC=256, MC=128) and the MLP's products, with strides, offsets, alpha and beta; plus the
 * contract's special cases and the bit-identity of the scalar path, the SIMD path and every thread count.
 */
class GemmTest {

  private static final long SEED = 0x5EEDL;
  private static final double EPS = Math.ulp(1f);

  /** m, n, k: tiny, odd around the micro-tile and k block, and the MLP at batch 64. */
  private static final int[][] SHAPES = {
      {1, 1, 1}, {1, 1, 7}, {2, 3, 4}, {7, 31, 5}, {8, 32, 16}, {9, 33, 17}, {15, 47, 255}, {16, 64, 256},
      {17, 65, 257}, {1, 100, 3}, {100, 1, 3}, {127, 31, 513}, {129, 97, 40}, {130, 33, 600}, {3, 1030, 9},
      {64, 256, 784}, {64, 256, 256}, {64, 10, 256}, {784, 256, 64}, {256, 256, 64}, {256, 10, 64},
      {64, 784, 256}, {64, 256, 10}, {33, 7, 0}};

  /** A stored matrix with padding columns and a leading offset, filled with sentinels outside the window. */
  private record Stored(float[] data, int off, int ld, int rows, int cols) {
    static Stored random(SplittableRandom rnd, int rows, int cols, int pad, int off) {
      int ld = cols + pad;
      float[] d = new float[off + Math.max(0, rows * ld) + 3];
      for (int i = 0; i < d.length; i++) {
        d[i] = 1e30f;  // sentinel: must never be read into C nor overwritten
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double mag = rnd.nextInt(8) == 0 ? 100 : 1;
          d[off + r * ld + c] = (float) (mag * (2 * rnd.nextDouble() - 1));
        }
      }
      return new Stored(d, off, ld, rows, cols);
    }

    double get(int r, int c) {
      return data[off + r * ld + c];
    }
  }

  private record Case(boolean ta, boolean tb, int m, int n, int k, float alpha, float beta, int pad, int off) {
    @Override
    public String toString() {
      return "ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha + " beta=" + beta
          + " pad=" + pad + " off=" + off + " seed=" + SEED;
    }
  }

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    float[][] ab = {{1f, 0f}, {0.5f, -2f}, {-1.5f, 1f}, {2f, 0f}};
    int i = 0;
    for (int[] s : SHAPES) {
      for (int t = 0; t < 4; t++) {
        float[] alphaBeta = ab[(i + t) % ab.length];
        int pad = (i + t) % 3 == 0 ? 0 : (i + t) % 5 + 1;
        out.add(new Case((t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], alphaBeta[0], alphaBeta[1], pad, pad * 2));
      }
      i++;
    }
    return out;
  }

  /** Runs one case through {@code path} and checks it against the double reference; returns C. */
  private static float[] check(Case cs, Path path) {
    SplittableRandom rnd = new SplittableRandom(SEED + cs.hashCode());
    Stored a = cs.ta ? Stored.random(rnd, cs.k, cs.m, cs.pad, cs.off) : Stored.random(rnd, cs.m, cs.k, cs.pad, cs.off);
    Stored b = cs.tb ? Stored.random(rnd, cs.n, cs.k, cs.pad, cs.off + 1)
        : Stored.random(rnd, cs.k, cs.n, cs.pad, cs.off + 1);
    Stored c = Stored.random(rnd, cs.m, cs.n, cs.pad + 1, cs.off + 2);
    float[] old = c.data.clone();
    if (cs.beta == 0) {
      for (int r = 0; r < cs.m; r++) {
        for (int j = 0; j < cs.n; j++) {
          c.data[c.off + r * c.ld + j] = Float.NaN;  // beta = 0 must ignore C, NaN included
        }
      }
    }
    path.mm(cs.ta, cs.tb, cs.m, cs.n, cs.k, cs.alpha, a.data, a.off, a.ld, b.data, b.off, b.ld,
        cs.beta, c.data, c.off, c.ld);
    for (int r = 0; r < cs.m; r++) {
      for (int j = 0; j < cs.n; j++) {
        double s = 0;
        double mag = 0;
        for (int p = 0; p < cs.k; p++) {
          double x = cs.ta ? a.get(p, r) : a.get(r, p);
          double y = cs.tb ? b.get(j, p) : b.get(p, j);
          s += x * y;
          mag += Math.abs(x * y);
        }
        int ci = c.off + r * c.ld + j;
        double bc = cs.beta == 0 ? 0 : (double) cs.beta * old[ci];
        double want = cs.alpha * s + bc;
        double tol = (Math.abs(cs.alpha) * mag * (cs.k + 2) + 2 * Math.abs(bc) + Math.abs(want)) * EPS + 1e-30;
        double got = c.data[ci];
        if (!(Math.abs(got - want) <= tol)) {
          throw new AssertionError(cs + ": C[" + r + "," + j + "] = " + got + ", want " + want + " ± " + tol);
        }
        c.data[ci] = old[ci];  // restore so the sentinel check below covers only the outside of the window
      }
    }
    assertArrayEquals(old, c.data, () -> cs + ": elements outside C's m×n window changed");
    path.mm(cs.ta, cs.tb, cs.m, cs.n, cs.k, cs.alpha, a.data, a.off, a.ld, b.data, b.off, b.ld,
        cs.beta, c.data, c.off, c.ld);
    return c.data;
  }

  @FunctionalInterface
  private interface Path {
    void mm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);
  }

  @Test
  void matchesDoubleReferenceOnEveryTransposeAndShape() {
    int checked = 0;
    for (Case cs : cases()) {
      check(cs, Gemm::mm);
      checked++;
    }
    assertEquals(4 * SHAPES.length, checked);
  }

  @Test
  void scalarPathMatchesDoubleReference() {
    for (Case cs : cases()) {
      if ((long) cs.m * cs.n * cs.k <= 2_000_000) {
        check(cs, Gemm::mmScalar);
      }
    }
  }

  @Test
  void simdAndScalarPathsAreBitIdentical() {
    assertEquals(!"off".equals(System.getProperty("actlab.simd")), Gemm.simd(),
        "the test JVM has --add-modules jdk.incubator.vector, so only -Dactlab.simd=off may disable SIMD");
    boolean module = KernelProvider.vectorModulePresent();
    int compared = 0;
    for (Case cs : cases()) {
      float[] slow = check(cs, Gemm::mmScalar);
      assertArrayEquals(slow, check(cs, Gemm::mm), cs::toString);
      if (module) {  // the vector body directly, also for the tiny shapes Gemm.mm hands to the scalar loops
        assertArrayEquals(slow, check(cs, GemmVector::mm), cs::toString);
        compared++;
      }
    }
    assertEquals(module ? 4 * SHAPES.length : 0, compared);
  }

  @Test
  void resultsAreBitIdenticalForEveryThreadCount() {
    Case[] big = {new Case(false, false, 64, 256, 784, 1f, 0f, 0, 0),
        new Case(true, false, 784, 256, 64, 1f, 1f, 1, 3), new Case(false, true, 300, 70, 600, 0.5f, -1f, 2, 1)};
    try {
      for (Case cs : big) {
        Gemm.setThreads(1);
        float[] one = check(cs, Gemm::mm);
        for (int t : new int[] {2, 3, 7}) {
          Gemm.setThreads(t);
          assertArrayEquals(one, check(cs, Gemm::mm), () -> cs + " threads=" + t);
        }
      }
    } finally {
      Gemm.setThreads(1);
    }
    assertThrows(IllegalArgumentException.class, () -> Gemm.setThreads(0));
  }

  @Test
  void kZeroScalesCAndEmptyShapesDoNothing() {
    float[] c = {1, 2, 3, 4};
    Gemm.mm(false, false, 2, 2, 0, 5f, new float[0], 0, 0, new float[0], 0, 2, 3f, c, 0, 2);
    assertArrayEquals(new float[] {3, 6, 9, 12}, c);
    float[] nan = {Float.NaN, Float.NaN};
    Gemm.mm(true, true, 1, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 0, 0f, nan, 0, 2);
    assertArrayEquals(new float[] {0, 0}, nan);
    float[] untouched = {7};
    Gemm.mm(false, false, 0, 1, 3, 1f, new float[0], 0, 3, new float[3], 0, 1, 0f, untouched, 0, 1);
    assertEquals(7f, untouched[0]);
  }

  @Test
  void nanAndInfinityInInputsPropagate() {
    float[] a = {1, Float.NaN, 2, 3};   // 2×2
    float[] b = {1, 0, 0, 1};
    float[] c = new float[4];
    Gemm.mm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
    assertTrue(Float.isNaN(c[0]) && Float.isNaN(c[1]));  // NaN·0 is NaN: no skipping of zeros
    assertArrayEquals(new float[] {2, 3}, new float[] {c[2], c[3]});
    float[] inf = {Float.POSITIVE_INFINITY};
    float[] out = new float[1];
    Gemm.mm(false, false, 1, 1, 1, 1f, inf, 0, 1, new float[] {-2}, 0, 1, 0f, out, 0, 1);
    assertEquals(Float.NEGATIVE_INFINITY, out[0]);
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    float[] x = new float[6];
    var neg = assertThrows(IllegalArgumentException.class,
        () -> Gemm.mm(false, false, -1, 2, 3, 1f, x, 0, 3, x, 0, 2, 0f, x, 0, 2));
    assertTrue(neg.getMessage().contains("m=-1"), neg.getMessage());
    var ld = assertThrows(IllegalArgumentException.class,
        () -> Gemm.mm(false, false, 2, 2, 3, 1f, x, 0, 2, x, 0, 2, 0f, new float[4], 0, 2));
    assertTrue(ld.getMessage().contains("lda=2"), ld.getMessage());
    var fit = assertThrows(IndexOutOfBoundsException.class,
        () -> Gemm.mm(false, true, 2, 2, 3, 1f, x, 1, 3, x, 0, 3, 0f, new float[4], 0, 2));
    assertTrue(fit.getMessage().contains("stored A"), fit.getMessage());
    assertFalse(fit.getMessage().contains("stored B"));
  }
}
