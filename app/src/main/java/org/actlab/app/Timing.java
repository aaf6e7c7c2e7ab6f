package org.actlab.app;

import java.util.Arrays;

/**
 * Throughput measurement for {@code bench}: warm-up, then an adaptive number of calls per repetition so that a
 * repetition takes about {@code targetNanos / REPS}, and the median over {@link #REPS} repetitions.
 */
final class Timing {

  static final int REPS = 7;

  private final long targetNanos;

  /** @param targetNanos total timed time per measurement (the bench uses ~0.3 s) */
  Timing(long targetNanos) {
    this.targetNanos = targetNanos;
  }

  /**
   * Runs {@code op} until the JIT has compiled it: the Vector API runs ~100× slower interpreted (40 Melem/s for
   * relu at 1M elements, the first second), so a fixed short warm-up measured the interpreter. Stops when three
   * consecutive calls agree within 10% after at least a third of the budget, or after 5 s; returns the time per
   * call in ns.
   */
  private double warmUp(Runnable op) {
    long start = System.nanoTime();
    long[] last = new long[3];
    for (int calls = 0; ; calls++) {
      long t0 = System.nanoTime();
      op.run();
      long t = System.nanoTime() - t0;
      last[calls % 3] = t;
      long elapsed = System.nanoTime() - start;
      boolean stable = calls >= 3 && Arrays.stream(last).max().getAsLong() <= 1.1 * Arrays.stream(last).min().getAsLong();
      if ((stable && elapsed >= targetNanos / 3) || elapsed > 5_000_000_000L) {
        return Arrays.stream(last).average().orElse(t);
      }
    }
  }

  /** Millions of elements per second of {@code op}, which processes {@code n} elements per call. */
  double melemPerSecond(Runnable op, long n) {
    long perRep = Math.max(1, targetNanos / REPS);
    double perCall = warmUp(op);
    int inner = (int) Math.max(1, Math.min(Integer.MAX_VALUE, perRep / Math.max(1.0, perCall)));
    double[] rates = new double[REPS];
    for (int r = 0; r < REPS; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < inner; i++) {
        op.run();
      }
      long dt = Math.max(1, System.nanoTime() - t0);
      rates[r] = (double) n * inner / dt * 1e3; // elements per ns · 1e3 = Melem/s
    }
    Arrays.sort(rates);
    return rates[REPS / 2];
  }
}
