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

  /** Millions of elements per second of {@code op}, which processes {@code n} elements per call. */
  double melemPerSecond(Runnable op, long n) {
    long perRep = Math.max(1, targetNanos / REPS);
    // warm-up: at least 3 calls and a third of the budget, so that C2 has compiled the vector loop
    long start = System.nanoTime();
    int calls = 0;
    while (calls < 3 || System.nanoTime() - start < targetNanos / 3) {
      op.run();
      calls++;
    }
    double perCall = (double) (System.nanoTime() - start) / calls;
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
