package org.actlab.nn.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Splits one product over threads by blocks of C: column ranges (whole micro-panels) when n is the larger side,
 * row ranges otherwise; never over k. Each range is an independent {@link GemmVector#mm} call, and an element's
 * summation order does not depend on which call computes it, so the result is bit-identical for any thread
 * count. Products under {@link #MIN_FLOPS} multiply-adds run on the caller's thread: forking costs more.
 */
final class GemmParallel {

  static final long MIN_FLOPS = 1L << 20;
  private static volatile ForkJoinPool pool;

  private GemmParallel() {}

  static void run(int threads, boolean transA, boolean transB, int m, int n, int k, float alpha,
                  float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                  float beta, float[] c, int cOff, int ldc) {
    boolean byCols = n >= m;
    int unit = byCols ? GemmVector.NR : GemmVector.MR;
    int units = ((byCols ? n : m) + unit - 1) / unit;
    int parts = (int) Math.min(Math.min(threads, units), Math.max(1, (long) m * n * k / MIN_FLOPS));
    if (parts <= 1) {
      GemmVector.mm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    List<Future<?>> tasks = new ArrayList<>(parts);
    ForkJoinPool fj = pool(threads);
    for (int t = 0; t < parts; t++) {
      int lo = Math.min(byCols ? n : m, (int) ((long) units * t / parts) * unit);
      int hi = Math.min(byCols ? n : m, (int) ((long) units * (t + 1) / parts) * unit);
      if (byCols) {
        int bo = transB ? bOff + lo * ldb : bOff + lo;
        tasks.add(fj.submit(() -> GemmVector.mm(transA, transB, m, hi - lo, k, alpha, a, aOff, lda,
            b, bo, ldb, beta, c, cOff + lo, ldc)));
      } else {
        int ao = transA ? aOff + lo : aOff + lo * lda;
        tasks.add(fj.submit(() -> GemmVector.mm(transA, transB, hi - lo, n, k, alpha, a, ao, lda,
            b, bOff, ldb, beta, c, cOff + lo * ldc, ldc)));
      }
    }
    join(tasks);
  }

  private static void join(List<Future<?>> tasks) {
    try {
      for (Future<?> f : tasks) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Gemm interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Gemm worker failed", e.getCause());
    }
  }

  private static ForkJoinPool pool(int threads) {
    ForkJoinPool p = pool;
    if (p == null || p.getParallelism() != threads) {
      synchronized (GemmParallel.class) {
        p = pool;
        if (p == null || p.getParallelism() != threads) {
          if (p != null) {
            p.shutdown();
          }
          p = new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
          pool = p;
        }
      }
    }
    return p;
  }
}
