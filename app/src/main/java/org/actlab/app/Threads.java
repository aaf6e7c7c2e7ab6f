package org.actlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench --threads}: runs a range operation split into contiguous chunks, one per thread. A stand-in for
 * core's threaded kernel API ({@code ParallelKernel}, not on main yet): the bench only needs {@link Range}, so
 * connecting it means replacing {@link #run} by a call to that API.
 */
final class Threads implements AutoCloseable {

  /** Work on elements {@code [from, to)}. */
  @FunctionalInterface
  interface Range {
    void run(int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  Threads(int threads) {
    this.threads = threads;
    this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "actlab-bench");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  int count() {
    return threads;
  }

  /** {@code op} over {@code [0, n)}: inline for one thread, else one chunk per thread (multiples of 64). */
  void run(int n, Range op) {
    if (pool == null || n < 64 * threads) {
      op.run(0, n);
      return;
    }
    int chunk = ((n + threads - 1) / threads + 63) & ~63;
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int from = 0; from < n; from += chunk) {
      int lo = from;
      int hi = Math.min(n, from + chunk);
      parts.add(pool.submit(() -> op.run(lo, hi)));
    }
    try {
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
