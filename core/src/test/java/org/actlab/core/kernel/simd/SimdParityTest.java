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
    float[] xf = new float[x.length];
    float[] dyf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
      dyf[i] = (float) dy[i];
    }
    float[] yf = new float[n + 2];
    float[] dxf = new float[n + 2];
    k.forward(xf, off, yf, 2, n, pb);
    k.backward(xf, off, dyf, off, dxf, 2, n, pb, null);
    double[][] out = new double[4][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = y[2 + i];
      out[1][i] = dx[2 + i];
      out[2][i] = yf[2 + i];
      out[3][i] = dxf[2 + i];
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
