package org.actlab.app;

import java.util.Arrays;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.approx.ApproxKernel;

/**
 * The buffers and the timed operations of one {@code bench} run: allocated once at the largest size, float32 or
 * float64 (the double arrays hold the same inputs as the float ones, widened).
 */
final class BenchRun {

  private final boolean doubles;
  private final float[] x;
  private final float[] y;
  private final float[] dy;
  private final float[] dx;
  private final double[] xd;
  private final double[] yd;
  private final double[] dyd;
  private final double[] dxd;
  private final Timing timing;
  private final Timing copyTiming;

  /** {@code copyTiming} times the roofline samples, shorter than the functions' since there are more of them. */
  BenchRun(int max, boolean doubles, Timing timing, Timing copyTiming) {
    this.doubles = doubles;
    float[] in = BenchCommand.inputs(max);
    int f = doubles ? 0 : max;
    int d = doubles ? max : 0;
    this.x = doubles ? new float[0] : in;
    this.y = new float[f];
    this.dy = new float[f];
    this.dx = new float[f];
    this.xd = new double[d];
    for (int i = 0; i < d; i++) {
      xd[i] = in[i];
    }
    this.yd = new double[d];
    this.dyd = new double[d];
    this.dxd = new double[d];
    Arrays.fill(dy, 1f);
    Arrays.fill(dyd, 1.0);
    this.timing = timing;
    this.copyTiming = copyTiming;
  }

  double copy(int n, Threads pool) {
    return copyTiming.melemPerSecond(() -> pool.run(n, (lo, hi) -> {
      if (doubles) {
        System.arraycopy(xd, lo, yd, lo, hi - lo);
      } else {
        System.arraycopy(x, lo, y, lo, hi - lo);
      }
    }), n);
  }

  /**
   * Calls the kernel's forward and backward {@value #JIT_CALLS} times on {@value #JIT_SIZE} elements (or until
   * {@value #JIT_SECONDS} s pass), so that the JIT has compiled them fully before any timing. Timing.warmUp alone
   * was not enough at 1M elements and more: a few hundred calls leave HotSpot running the loop in C1 code that
   * jumps into an on-stack-replacement compile part way through each call (it wants ~600 calls before it
   * compiles the method itself), and the bench measured 400–1,000 Melem/s for relu6 instead of ~9,000. The odd
   * size and the offset make the loops' head and tail paths part of the profile.
   */
  void warmJit(Kernel k, ParamBlock pb) {
    warmJit(n -> {
      if (doubles) {
        k.forward(xd, 1, yd, 1, n, pb);
        k.backward(xd, 1, dyd, 1, dxd, 1, n, pb, null);
      } else {
        k.forward(x, 1, y, 1, n, pb);
        k.backward(x, 1, dy, 1, dx, 1, n, pb, null);
      }
    });
  }

  /** As {@link #warmJit(Kernel, ParamBlock)} for an approximate variant. */
  void warmJit(ApproxKernel a) {
    warmJit(n -> {
      a.forward(x, 1, y, 1, n);
      a.backward(x, 1, dy, 1, dx, 1, n);
    });
  }

  /** Runs {@code forwardAndBackward} on {@value #JIT_SIZE} elements from offset 1, as often as warmJit says. */
  private void warmJit(java.util.function.IntConsumer forwardAndBackward) {
    int n = Math.min(JIT_SIZE, Math.max(x.length, xd.length) - 1);
    long deadline = System.nanoTime() + (long) (JIT_SECONDS * 1e9);
    for (int i = 0; i < JIT_CALLS && System.nanoTime() < deadline; i++) {
      forwardAndBackward.accept(n);
    }
  }

  private static final int JIT_SIZE = 16_389;
  private static final int JIT_CALLS = 3_000;
  private static final double JIT_SECONDS = 3;

  double forward(Kernel k, ParamBlock pb, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> {
      if (doubles) {
        k.forward(xd, lo, yd, lo, hi - lo, pb);
      } else {
        k.forward(x, lo, y, lo, hi - lo, pb);
      }
    }), n);
  }

  double backward(Kernel k, ParamBlock pb, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> {
      if (doubles) {
        k.backward(xd, lo, dyd, lo, dxd, lo, hi - lo, pb, null);
      } else {
        k.backward(x, lo, dy, lo, dx, lo, hi - lo, pb, null);
      }
    }), n);
  }

  /** The approximate variants are float32 kernels: BenchCommand allows them only for float32 runs. */
  double forward(ApproxKernel k, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> k.forward(x, lo, y, lo, hi - lo)), n);
  }

  double backward(ApproxKernel k, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> k.backward(x, lo, dy, lo, dx, lo, hi - lo)), n);
  }

  /** Max |approx − f| on the first {@code n} inputs that lie in the variant's domain, against the reference. */
  double error(ApproxKernel k, int n) {
    Activation ref = Catalog.activation(k.target());
    double[] p = ref.spec().defaults();
    k.forward(x, 0, y, 0, n);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] < k.domainLo() || x[i] > k.domainHi()) {
        continue;
      }
      worst = Math.max(worst, Math.abs(y[i] - ref.f(x[i], p)));
    }
    return worst;
  }
}
