package org.actlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

/**
 * ParallelKernel: outputs and parameter gradients bit-identical for 1, 2, 3 and 7 threads, around the threshold
 * and with odd tails (for forms whose results do not depend on the JIT tier, see below); chunks aligned to 64 and covering the range once; per-channel blocks; bounds.
 */
class ParallelKernelTest {

  private static final long SEED = 0x9A7A11E1L;
  private static final int[] THREADS = {1, 2, 3, 7};
  private static final int SMALL = 256;

  private static Activation fn(String id) {
    return Catalog.activation(id);
  }

  /** Sizes around a small threshold, around the real one, and across gradient grains, with odd tails. */
  private static int[] sizes() {
    int t = ParallelKernel.THRESHOLD;
    int g = ParallelKernel.GRAIN;
    return new int[] {0, 1, 63, SMALL - 1, SMALL, SMALL + 1, 1000, 4097, g - 1, g + 1, 3 * g + 77, t - 1, t, t + 77};
  }

  @Test
  void outputsAreBitIdenticalForEveryThreadCount() {
    SplittableRandom r = new SplittableRandom(SEED);
    int checked = 0;
    // Forms without Vector API transcendentals: EXP & co. differ by an ulp between interpreted and C2 (SVML) code,
    // so sigmoid's results depend on the JIT tier of the moment, not on the thread count (seen here: 1 ulp).
    for (String id : List.of("relu", "cube", "hardswish", "leaky_relu")) {
      Kernel base = KernelProvider.kernel(fn(id));
      ParamBlock pb = ParamBlock.shared(fn(id).spec().defaults());
      for (int n : sizes()) {
        int off = r.nextInt(5);
        double[] x = random(r, n + off);
        double[] dy = random(r, n + off);
        double[][] want = run(base, x, dy, off, n, pb);
        for (int threads : THREADS) {
          for (int threshold : new int[] {SMALL, ParallelKernel.THRESHOLD}) {
            double[][] got = run(new ParallelKernel(base, threads, threshold), x, dy, off, n, pb);
            for (int k = 0; k < want.length; k++) {
              assertArrayEquals(want[k], got[k], id + " n=" + n + " threads=" + threads + " threshold=" + threshold
                  + " output " + k + " seed " + SEED);
            }
            checked++;
          }
        }
      }
    }
    assertEquals(4 * sizes().length * THREADS.length * 2, checked);
  }

  @Test
  void parameterGradientIsTheSameSumForEveryThreadCount() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    Activation prelu = fn("prelu");
    ParamBlock pb = ParamBlock.shared(new double[] {0.3});
    for (int n : sizes()) {
      double[] x = random(r, n);
      double[] dy = random(r, n);
      float[] xf = narrow(x);
      float[] dyf = narrow(dy);
      double[] first = null;
      double[] firstF = null;
      for (int threads : THREADS) {
        Kernel k = new ParallelKernel(KernelProvider.kernel(prelu), threads, SMALL);
        double[] gp = {0.5};
        double[] gpf = {0.5};
        k.backward(x, 0, dy, 0, new double[n], 0, n, pb, gp);
        k.backward(xf, 0, dyf, 0, new float[n], 0, n, pb, gpf);
        if (first == null) {
          first = gp;
          firstF = gpf;
        }
        assertEquals(Double.doubleToRawLongBits(first[0]), Double.doubleToRawLongBits(gp[0]),
            "gp n=" + n + " threads=" + threads);
        assertEquals(Double.doubleToRawLongBits(firstF[0]), Double.doubleToRawLongBits(gpf[0]),
            "float gp n=" + n + " threads=" + threads);
      }
      double exact = 0.5;
      for (int i = 0; i < n; i++) {
        exact += x[i] > 0 ? 0 : dy[i] * x[i];
      }
      assertEquals(exact, first[0], 1e-12 * Math.max(1, n), "gp is the gradient, n=" + n);
    }
  }

  @Test
  void chunksAreAlignedTo64AndCoverTheRangeOnce() {
    for (int threads : THREADS) {
      for (int n : new int[] {SMALL, 1000, 4097, 100_003}) {
        Recorder rec = new Recorder(fn("relu"));
        new ParallelKernel(rec, threads, SMALL).forward(new float[n + 3], 3, new float[n], 0, n,
            ParamBlock.shared(new double[0]));
        List<int[]> calls = rec.sorted();
        int next = 3;
        for (int[] c : calls) {
          assertEquals(next, c[0], "chunks contiguous, threads=" + threads + " n=" + n);
          assertTrue(c[1] > 0, "no empty chunk");
          next = c[0] + c[1];
          if (next != n + 3) {
            assertEquals(0, (next - 3) % 64, "boundary aligned to 64, threads=" + threads + " n=" + n);
          }
        }
        assertEquals(n + 3, next, "range covered");
        assertTrue(calls.size() <= threads && (threads == 1 || n < 2 * SMALL || calls.size() > 1),
            calls.size() + " chunks for " + threads + " threads, n=" + n);
      }
    }
  }

  @Test
  void perChannelBlocksRunWhole() {
    SplittableRandom r = new SplittableRandom(SEED + 2);
    int n = 5000;
    double[] x = random(r, n);
    double[] dy = random(r, n);
    ParamBlock pb = ParamBlock.perChannel(new double[] {0.1, 0.2, 0.3}, 1, 3, 7);
    Kernel base = KernelProvider.kernel(fn("prelu"));
    double[] gpWant = new double[3];
    double[] gpGot = new double[3];
    double[][] want = run(base, x, dy, 0, n, pb);
    double[][] got = run(new ParallelKernel(base, 3, SMALL), x, dy, 0, n, pb);
    for (int k = 0; k < want.length; k++) {
      assertArrayEquals(want[k], got[k]);
    }
    base.backward(x, 0, dy, 0, new double[n], 0, n, pb, gpWant);
    new ParallelKernel(base, 3, SMALL).backward(x, 0, dy, 0, new double[n], 0, n, pb, gpGot);
    assertArrayEquals(gpWant, gpGot);
  }

  @Test
  void badArgumentsFailBeforeAnyWork() {
    Kernel k = new ParallelKernel(KernelProvider.kernel(fn("relu")), 3, SMALL);
    ParamBlock pb = ParamBlock.shared(new double[0]);
    float[] y = new float[1000];
    assertThrows(IndexOutOfBoundsException.class, () -> k.forward(new float[1000], 1, y, 0, 1000, pb));
    assertThrows(IndexOutOfBoundsException.class, () -> k.forward(new float[1000], 0, y, 1, 1000, pb));
    assertThrows(IndexOutOfBoundsException.class,
        () -> k.backward(new double[999], 0, new double[1000], 0, new double[1000], 0, 1000, pb, null));
    assertEquals(0f, y[999], "nothing written");
    assertThrows(IllegalArgumentException.class, () -> k.backward(new double[1000], 0, new double[1000], 0,
        new double[1000], 0, 1000, ParamBlock.shared(new double[] {0.25}), new double[2]));
    assertThrows(IllegalArgumentException.class, () -> new ParallelKernel(k, 0));
    assertThrows(IllegalArgumentException.class, () -> new ParallelKernel(k, 2, 63));
  }

  @Test
  void threadCountComesFromThePropertyOrTheProcessors() {
    String old = System.getProperty("actlab.threads");
    try {
      System.setProperty("actlab.threads", "5");
      assertEquals(5, ParallelKernel.defaultThreads());
      assertEquals(5, new ParallelKernel(new ScalarKernel(fn("relu"))).threads());
      System.setProperty("actlab.threads", "zero");
      assertThrows(IllegalArgumentException.class, ParallelKernel::defaultThreads);
      System.clearProperty("actlab.threads");
      assertEquals(Runtime.getRuntime().availableProcessors(), ParallelKernel.defaultThreads());
    } finally {
      if (old == null) {
        System.clearProperty("actlab.threads");
      } else {
        System.setProperty("actlab.threads", old);
      }
    }
  }

  @Test
  void providerWrapsOnlyForMoreThanOneThread() {
    Activation relu = fn("relu");
    Kernel one = KernelProvider.kernel(relu, KernelProvider.Mode.AUTO, 1);
    assertEquals(KernelProvider.kernel(relu, KernelProvider.Mode.AUTO).getClass(), one.getClass());
    ParallelKernel three = assertInstanceOf(ParallelKernel.class,
        KernelProvider.kernel(relu, KernelProvider.Mode.OFF, 3));
    assertEquals(3, three.threads());
    assertEquals("scalar", three.kind());
    assertSame(relu, three.activation());
    assertThrows(IllegalArgumentException.class, () -> KernelProvider.kernel(relu, KernelProvider.Mode.AUTO, 0));
  }

  /** y, dx in double; y, dx in float (widened), each at output offset 1. */
  static double[][] run(Kernel k, double[] x, double[] dy, int off, int n, ParamBlock pb) {
    double[] y = new double[n + 1];
    double[] dx = new double[n + 1];
    k.forward(x, off, y, 1, n, pb);
    k.backward(x, off, dy, off, dx, 1, n, pb, null);
    float[] yf = new float[n + 1];
    float[] dxf = new float[n + 1];
    k.forward(narrow(x), off, yf, 1, n, pb);
    k.backward(narrow(x), off, narrow(dy), off, dxf, 1, n, pb, null);
    return new double[][] {y, dx, widen(yf), widen(dxf)};
  }

  static double[] random(SplittableRandom r, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i % 97 == 0 ? -0.0 : r.nextDouble(-6, 6);
    }
    return a;
  }

  static float[] narrow(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = (float) a[i];
    }
    return f;
  }

  static double[] widen(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /** A kernel that records the (offset, length) of every forward call it receives. */
  private static final class Recorder implements Kernel {
    private final List<int[]> calls = new ArrayList<>();
    private final ScalarKernel scalar;

    Recorder(Activation fn) {
      scalar = new ScalarKernel(fn);
    }

    List<int[]> sorted() {
      synchronized (calls) {
        List<int[]> c = new ArrayList<>(calls);
        c.sort((a, b) -> Integer.compare(a[0], b[0]));
        return c;
      }
    }

    @Override
    public Activation activation() {
      return scalar.activation();
    }

    @Override
    public String kind() {
      return "recorder";
    }

    @Override
    public void forward(double[] x, int xOff, double[] y, int yOff, int n, ParamBlock p) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
      synchronized (calls) {
        calls.add(new int[] {xOff, n});
      }
      scalar.forward(x, xOff, y, yOff, n, p);
    }

    @Override
    public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                         double[] gp) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, ParamBlock p,
                         double[] gp) {
      throw new UnsupportedOperationException();
    }
  }
}
