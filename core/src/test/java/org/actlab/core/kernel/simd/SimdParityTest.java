package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Kink;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;
import org.junit.jupiter.api.Test;

/**
 * Every elementwise function has a SIMD kernel, and it agrees with the scalar reference within 4 ULP (of the
 * reference value) for forward and backward, float and double, over sizes that hit every tail, several offsets,
 * special values and kinks. Accuracy against the exact result is {@code UlpAccuracyTest}'s job, which runs on
 * whatever kernel the provider picks (CI runs the suite with SIMD and with {@code -Dactlab.simd=off}).
 */
class SimdParityTest {

  private static final long SEED = 0x51D;
  private static final int[] SIZES = {0, 1, 3, 7, 15, 16, 17, 33, 100, 1023};
  private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
      -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -1e-310, 1e-300, 1e4, -1e4, 1e300, -1e300, 700, -700,
      745, -745, 88, -88, 104, -104, 20, -20, 1e-8, -1e-8, 3, -3, 1, -1, 6, 0.5, -0.5};

  @Test
  void everyElementwiseFunctionHasAVectorForm() {
    List<String> missing = new ArrayList<>();
    for (Activation a : Catalog.elementwise()) {
      if (SimdKernels.kernel(a) == null) {
        missing.add(a.spec().id());
      }
    }
    assertTrue(missing.isEmpty(), "no vector form for " + missing);
  }

  @Test
  void simdMatchesScalarWithin4Ulp() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      SimdKernel simd = SimdKernels.kernel(a);
      if (simd == null) {
        continue;
      }
      for (double[] p : List.of(a.spec().defaults())) {
        compare(a, simd, p, inputs(a, p), failures);
      }
      checked++;
    }
    assertTrue(checked > 0, "no SIMD kernel was checked");
    assertTrue(failures.isEmpty(), "seed " + SEED + ", " + failures.size() + " mismatches:\n"
        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  /**
   * Arrays long enough for the loops to start at the output's 64-byte boundary ({@link Alignment}): every offset
   * of the first vector, so the masked head takes every length from 0 to a vector minus one, out of place and in
   * place (an in-place loop that re-read a written element would compute f(f(x)) there).
   */
  @Test
  void largeArraysAtEveryAlignmentMatchScalar() {
    int n = Alignment.MIN_ELEMENTS + 37;
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      SimdKernel simd = SimdKernels.kernel(a);
      double[] p = a.spec().defaults();
      double[] base = inputs(a, p);
      double[] all = new double[n + 17];
      for (int i = 0; i < all.length; i++) {
        all[i] = base[i % base.length];
      }
      Kernel ref = new ScalarKernel(a);
      ParamBlock pb = ParamBlock.shared(p);
      double[] dy = new double[all.length];
      java.util.Arrays.fill(dy, 0.75);
      for (int off = 0; off < Alignment.BYTES / 4; off++) {
        double[][] got = run(simd, all, dy, off, n, pb);
        double[][] want = run(ref, all, dy, off, n, pb);
        double[][] inPlace = runInPlace(simd, all, dy, off, n, pb);
        for (int k = 0; k < 4; k++) {
          for (int i = 0; i < n; i++) {
            if (!close(inPlace[k][i], want[k][i], k >= 2)) {
              failures.add(a.spec().id() + " in place " + LABELS[k] + " n=" + n + " off=" + off + " i=" + i
                  + ": simd " + inPlace[k][i] + ", scalar " + want[k][i]);
            }
            if (!close(got[k][i], want[k][i], k >= 2)) {
              failures.add(a.spec().id() + " " + LABELS[k] + " n=" + n + " off=" + off + " i=" + i
                  + ": simd " + got[k][i] + ", scalar " + want[k][i]);
            }
          }
        }
        checked++;
      }
    }
    assertEquals(16 * Catalog.elementwise().size(), checked, "function-offset pairs checked");
    assertTrue(failures.isEmpty(), failures.size() + " mismatches:\n"
        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  /** The peel lengths are consistent: one element further along, the boundary is one element nearer. */
  @Test
  void alignmentHeadsAreConsistent() {
    int n = Alignment.MIN_ELEMENTS;
    for (int off = 0; off < 40; off++) {
      int hf = Alignment.head(off, n, Float.BYTES);
      int hd = Alignment.head(off, n, Double.BYTES);
      assertTrue(hf >= 0 && hf < Alignment.BYTES / 4, "float head " + hf);
      assertTrue(hd >= 0 && hd < Alignment.BYTES / 8, "double head " + hd);
      assertEquals(Math.floorMod(hf - 1, Alignment.BYTES / 4), Alignment.head(off + 1, n, Float.BYTES),
          "float off " + off);
      assertEquals(Math.floorMod(hd - 1, Alignment.BYTES / 8), Alignment.head(off + 1, n, Double.BYTES),
          "double off " + off);
    }
    assertEquals(12, Alignment.head(0, n, Float.BYTES), "16-byte header: float element 12 is on the boundary");
    assertEquals(6, Alignment.head(0, n, Double.BYTES), "16-byte header: double element 6 is on the boundary");
    assertEquals(0, Alignment.head(3, Alignment.MIN_ELEMENTS - 1, Float.BYTES), "no peel below the threshold");
  }

  private static double[] inputs(Activation a, double[] p) {
    SplittableRandom r = new SplittableRandom(SEED ^ a.spec().id().hashCode());
    List<Double> xs = new ArrayList<>();
    for (double s : SPECIAL) {
      xs.add(s);
    }
    for (Kink k : a.spec().kinksAt(p)) {
      xs.add(k.x());
      xs.add(Math.nextUp(k.x()));
      xs.add(Math.nextDown(k.x()));
    }
    while (xs.size() < 1200) {
      xs.add(xs.size() % 3 == 0 ? r.nextDouble(-50, 50) : r.nextDouble(a.spec().plotLo(), a.spec().plotHi()));
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void compare(Activation a, Kernel simd, double[] p, double[] all, List<String> failures) {
    Kernel ref = new ScalarKernel(a);
    ParamBlock pb = ParamBlock.shared(p);
    for (int n : SIZES) {
      for (int off : new int[] {0, 1, 5}) {
        if (off + n > all.length) {
          continue;
        }
        double[] dy = new double[all.length];
        java.util.Arrays.fill(dy, 0.75);
        double[][] got = run(simd, all, dy, off, n, pb);
        double[][] want = run(ref, all, dy, off, n, pb);
        for (int k = 0; k < 4; k++) {
          for (int i = 0; i < n; i++) {
            if (!close(got[k][i], want[k][i], k >= 2)) {
              failures.add(a.spec().id() + " " + LABELS[k] + " n=" + n + " off=" + off + " x=" + all[off + i]
                  + ": simd " + got[k][i] + ", scalar " + want[k][i]);
            }
          }
        }
      }
    }
  }

  private static final String[] LABELS = {"f64 f", "f64 f'", "f32 f", "f32 f'"};

  /** Forward and backward in double and float, outputs at offset 2 of their buffers. */
  private static double[][] run(Kernel k, double[] x, double[] dy, int off, int n, ParamBlock pb) {
    double[] y = new double[n + 2];
    double[] dx = new double[n + 2];
    k.forward(x, off, y, 2, n, pb);
    k.backward(x, off, dy, off, dx, 2, n, pb, null);
    float[] xf = floats(x);
    float[] yf = new float[n + 2];
    float[] dxf = new float[n + 2];
    k.forward(xf, off, yf, 2, n, pb);
    k.backward(xf, off, floats(dy), off, dxf, 2, n, pb, null);
    return results(y, dx, yf, dxf, 2, n);
  }

  /** As {@link #run}, with each output written over its input (y over x, dx over dy) at offset {@code off}. */
  private static double[][] runInPlace(Kernel k, double[] x, double[] dy, int off, int n, ParamBlock pb) {
    double[] y = x.clone();
    double[] dx = dy.clone();
    k.forward(y, off, y, off, n, pb);
    k.backward(x, off, dx, off, dx, off, n, pb, null);
    float[] yf = floats(x);
    float[] dxf = floats(dy);
    k.forward(yf, off, yf, off, n, pb);
    k.backward(floats(x), off, dxf, off, dxf, off, n, pb, null);
    return results(y, dx, yf, dxf, off, n);
  }

  private static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** The four outputs (f64 f, f64 f', f32 f, f32 f') from {@code start}, as rows of doubles. */
  private static double[][] results(double[] y, double[] dx, float[] yf, float[] dxf, int start, int n) {
    double[][] out = new double[4][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = y[start + i];
      out[1][i] = dx[start + i];
      out[2][i] = yf[start + i];
      out[3][i] = dxf[start + i];
    }
    return out;
  }

  private static boolean close(double got, double want, boolean f32) {
    if (Double.isNaN(want) || Double.isNaN(got) || Double.isInfinite(want) || Double.isInfinite(got)) {
      return Double.compare(got, want) == 0 || (Double.isNaN(got) && Double.isNaN(want));
    }
    double ulp = f32 ? Math.ulp((float) want) : Math.ulp(want);
    return Math.abs(got - want) <= 4 * ulp;
  }

  @Test
  void providerPicksSimdWhenTheModuleIsPresent() {
    assertTrue(KernelProvider.vectorModulePresent(), "tests run with --add-modules jdk.incubator.vector");
    assertEquals("simd", KernelProvider.kernel(Catalog.activation("relu"), KernelProvider.Mode.AUTO).kind());
  }
}
