package org.actlab.core.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

import org.actlab.core.activation.Activation;

/**
 * Runs any {@link Kernel} on several threads for large arrays: {@code [0, n)} is cut into contiguous chunks whose
 * boundaries are multiples of 64 elements, one per thread, executed on one shared fixed pool (the calling thread
 * takes the first chunk). Below {@link #THRESHOLD} elements, or with one thread, the call goes straight to the
 * wrapped kernel.
 *
 * <p>Results do not depend on the thread count, bit for bit: every element's output depends only on its input
 * (the SIMD kernels' masked tails guarantee it), and parameter gradients are accumulated per fixed grain of
 * {@link #GRAIN} elements into separate partial buffers, which are then added into {@code gp} in grain order,
 * whatever thread computed them. Per-channel parameter blocks count channels from the call's first element, so a
 * chunk could not be handed to the wrapped kernel without a shifted block: such calls run on the calling thread.
 *
 * <p>Threshold measured on the 2-core AVX-512 development machine while other jobs kept its load average near 13
 * (so indicative only): float32 forward through the SIMD kernel, one thread against two, best of 5 runs. sigmoid
 * (double lanes, ~0.8 Gelem/s on one thread) broke even at 128K elements (ratio 1.06), gained 1.31 at 256K and
 * 1.69 at 1M, and lost below (0.84 at 64K, 0.39 at 16K). relu, bandwidth-bound, did not gain up to 1M (0.94):
 * cheap functions need an idle second core and memory bandwidth to spare.
 *
 * <p>The dx path allocates nothing that grows with n (with several threads, a few task objects per call); the
 * gp path allocates one partial buffer per grain. Thread-safe: it holds no mutable state of its own.
 */
public final class ParallelKernel implements Kernel {

  /** Elements below which a call runs on the calling thread; measured, see the class comment. */
  public static final int THRESHOLD = 1 << 17;
  /** Grain of the deterministic parameter-gradient sum, in elements (a multiple of 64). */
  public static final int GRAIN = 1 << 14;

  private static final int ALIGN = 64;

  private final Kernel inner;
  private final int threads;
  private final int threshold;

  /** Wraps {@code inner} with {@link #defaultThreads()} threads. */
  public ParallelKernel(Kernel inner) {
    this(inner, defaultThreads());
  }

  /** Wraps {@code inner} with {@code threads} threads (1 runs everything on the calling thread). */
  public ParallelKernel(Kernel inner, int threads) {
    this(inner, threads, THRESHOLD);
  }

  /** As {@link #ParallelKernel(Kernel, int)} with another threshold (tests, benchmarks); at least 64. */
  public ParallelKernel(Kernel inner, int threads, int threshold) {
    this.inner = Objects.requireNonNull(inner, "inner");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threshold < ALIGN) {
      throw new IllegalArgumentException("threshold must be at least " + ALIGN + " elements, got " + threshold);
    }
    this.threads = threads;
    this.threshold = threshold;
  }

  /** The system property {@code actlab.threads} if set, else {@link Runtime#availableProcessors()}. */
  public static int defaultThreads() {
    String v = System.getProperty("actlab.threads");
    if (v == null || v.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int t = Integer.parseInt(v.trim());
      if (t >= 1) {
        return t;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("actlab.threads must be a positive integer (got '" + v + "')");
  }

  public Kernel inner() {
    return inner;
  }

  public int threads() {
    return threads;
  }

  @Override
  public Activation activation() {
    return inner.activation();
  }

  @Override
  public String kind() {
    return inner.kind();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s kernel for %s on %d threads", kind(), activation().spec().id(), threads);
  }

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, ParamBlock p) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    if (!split(n, p)) {
      inner.forward(x, xOff, y, yOff, n, p);
      return;
    }
    run(n, (s, e) -> inner.forward(x, xOff + s, y, yOff + s, e - s, p));
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, ParamBlock p) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    if (!split(n, p)) {
      inner.forward(x, xOff, y, yOff, n, p);
      return;
    }
    run(n, (s, e) -> inner.forward(x, xOff + s, y, yOff + s, e - s, p));
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    if (!p.isShared() || n < threshold) {
      inner.backward(x, xOff, dy, dyOff, dx, dxOff, n, p, gp);
    } else if (gp == null) {
      run(n, (s, e) -> inner.backward(x, xOff + s, dy, dyOff + s, dx, dxOff + s, e - s, p, null));
    } else {
      double[][] part = partials(gp, p, n);
      grains(n, (g, s, e) -> inner.backward(x, xOff + s, dy, dyOff + s, dx, dxOff + s, e - s, p, part[g]));
      addInOrder(part, gp);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, ParamBlock p,
                       double[] gp) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    if (!p.isShared() || n < threshold) {
      inner.backward(x, xOff, dy, dyOff, dx, dxOff, n, p, gp);
    } else if (gp == null) {
      run(n, (s, e) -> inner.backward(x, xOff + s, dy, dyOff + s, dx, dxOff + s, e - s, p, null));
    } else {
      double[][] part = partials(gp, p, n);
      grains(n, (g, s, e) -> inner.backward(x, xOff + s, dy, dyOff + s, dx, dxOff + s, e - s, p, part[g]));
      addInOrder(part, gp);
    }
  }

  /** Fused bias + activation, split by whole rows; each thread runs the wrapped kernel's fused form. */
  @Override
  public void forwardBias(float[] x, int xOff, float[] b, int bOff, float[] y, int yOff, float[] zOut, int zOff,
                          int rows, int cols, ParamBlock p) {
    int n = Bounds.matrix(rows, cols);
    if (!split(n, p) || rows < 2) {
      inner.forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(b.length, bOff, cols, "b");
    Bounds.check(y.length, yOff, n, "y");
    if (zOut != null) {
      Bounds.check(zOut.length, zOff, n, "zOut");
    }
    rowRun(rows, (r, e) -> inner.forwardBias(x, xOff + r * cols, b, bOff, y, yOff + r * cols, zOut,
        zOff + r * cols, e - r, cols, p));
  }

  @Override
  public void forwardBias(double[] x, int xOff, double[] b, int bOff, double[] y, int yOff, double[] zOut, int zOff,
                          int rows, int cols, ParamBlock p) {
    int n = Bounds.matrix(rows, cols);
    if (!split(n, p) || rows < 2) {
      inner.forwardBias(x, xOff, b, bOff, y, yOff, zOut, zOff, rows, cols, p);
      return;
    }
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(b.length, bOff, cols, "b");
    Bounds.check(y.length, yOff, n, "y");
    if (zOut != null) {
      Bounds.check(zOut.length, zOff, n, "zOut");
    }
    rowRun(rows, (r, e) -> inner.forwardBias(x, xOff + r * cols, b, bOff, y, yOff + r * cols, zOut,
        zOff + r * cols, e - r, cols, p));
  }

  private boolean split(int n, ParamBlock p) {
    return threads > 1 && n >= threshold && p.isShared();
  }

  /** A range of a call: elements or rows {@code [start, end)}. */
  @FunctionalInterface
  private interface Range {
    void run(int start, int end);
  }

  /** Grain {@code g} covering elements {@code [start, end)}. */
  @FunctionalInterface
  private interface Grain {
    void run(int g, int start, int end);
  }

  /** Splits {@code [0, n)} into up to {@code threads} chunks with boundaries at multiples of 64. */
  private void run(int n, Range r) {
    int tasks = Math.min(threads, Math.max(1, n / Math.max(ALIGN, threshold / 2)));
    dispatch(tasks, t -> {
      int s = boundary(n, t, tasks);
      int e = boundary(n, t + 1, tasks);
      if (s < e) {
        r.run(s, e);
      }
    });
  }

  private static int boundary(int n, int t, int tasks) {
    if (t == tasks) {
      return n;
    }
    long b = (long) n * t / tasks;
    return (int) Math.min(n, b / ALIGN * ALIGN);
  }

  /** Rows split into contiguous ranges, one per task. */
  private void rowRun(int rows, Range r) {
    int tasks = Math.min(threads, rows);
    dispatch(tasks, t -> {
      int s = (int) ((long) rows * t / tasks);
      int e = (int) ((long) rows * (t + 1) / tasks);
      if (s < e) {
        r.run(s, e);
      }
    });
  }

  /** Fixed grains of {@link #GRAIN} elements; each task runs a contiguous run of grains in order. */
  private void grains(int n, Grain body) {
    int count = (n + GRAIN - 1) / GRAIN;
    int tasks = threads == 1 ? 1 : Math.min(threads, count);
    dispatch(tasks, t -> {
      for (int g = (int) ((long) count * t / tasks), end = (int) ((long) count * (t + 1) / tasks); g < end; g++) {
        body.run(g, g * GRAIN, Math.min(n, (g + 1) * GRAIN));
      }
    });
  }

  private static double[][] partials(double[] gp, ParamBlock p, int n) {
    if (gp.length != p.channels() * p.width()) {
      throw new IllegalArgumentException("parameter gradient buffer needs " + p.channels() * p.width()
          + " slots (channels*width), got " + gp.length);
    }
    return new double[(n + GRAIN - 1) / GRAIN][gp.length];
  }

  /** {@code gp += part[0] + part[1] + ...}, in grain order: the same sum for every thread count. */
  private static void addInOrder(double[][] part, double[] gp) {
    for (double[] q : part) {
      for (int k = 0; k < gp.length; k++) {
        gp[k] += q[k];
      }
    }
  }

  /** Runs tasks {@code 1..tasks-1} on the pool and task 0 here, then waits for all (rethrowing the first error). */
  private static void dispatch(int tasks, IntConsumer task) {
    if (tasks == 1) {
      task.accept(0);
      return;
    }
    ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
    for (int t = 1; t < tasks; t++) {
      int id = t;
      forked[t - 1] = Pool.POOL.submit(() -> task.accept(id));
    }
    RuntimeException first = null;
    try {
      task.accept(0);
    } catch (RuntimeException e) {
      first = e;
    }
    for (ForkJoinTask<?> f : forked) {
      try {
        f.join();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The shared fixed pool, created on first use: daemon threads named actlab-kernel-N. */
  private static final class Pool {
    static final ForkJoinPool POOL = new ForkJoinPool(Math.max(1, Math.max(defaultThreads(),
        Runtime.getRuntime().availableProcessors()) - 1), pool -> {
          var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          t.setName("actlab-kernel-" + t.getPoolIndex());
          t.setDaemon(true);
          return t;
        }, null, false);
  }
}
