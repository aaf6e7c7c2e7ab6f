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

  /** The arrays of one element type, and the calls the run times on them. */
  private sealed interface Buffers {
    int length();

    void copy(int lo, int len);

    void forward(Kernel k, int lo, int len, ParamBlock pb);

    void backward(Kernel k, int lo, int len, ParamBlock pb);
  }

  private record Floats(float[] x, float[] y, float[] dy, float[] dx) implements Buffers {
    Floats(float[] x) {
      this(x, new float[x.length], filled(x.length), new float[x.length]);
    }

    private static float[] filled(int n) {
      float[] ones = new float[n];
      Arrays.fill(ones, 1f);
      return ones;
    }

    @Override
    public int length() {
      return x.length;
    }

    @Override
    public void copy(int lo, int len) {
      System.arraycopy(x, lo, y, lo, len);
    }

    @Override
    public void forward(Kernel k, int lo, int len, ParamBlock pb) {
      k.forward(x, lo, y, lo, len, pb);
    }

    @Override
    public void backward(Kernel k, int lo, int len, ParamBlock pb) {
      k.backward(x, lo, dy, lo, dx, lo, len, pb, null);
    }
  }

  private record Doubles(double[] x, double[] y, double[] dy, double[] dx) implements Buffers {
    Doubles(float[] in) {
      this(widened(in), new double[in.length], filled(in.length), new double[in.length]);
    }

    private static double[] widened(float[] in) {
      double[] x = new double[in.length];
      for (int i = 0; i < in.length; i++) {
        x[i] = in[i];
      }
      return x;
    }

    private static double[] filled(int n) {
      double[] ones = new double[n];
      Arrays.fill(ones, 1.0);
      return ones;
    }

    @Override
    public int length() {
      return x.length;
    }

    @Override
    public void copy(int lo, int len) {
      System.arraycopy(x, lo, y, lo, len);
    }

    @Override
    public void forward(Kernel k, int lo, int len, ParamBlock pb) {
      k.forward(x, lo, y, lo, len, pb);
    }

    @Override
    public void backward(Kernel k, int lo, int len, ParamBlock pb) {
      k.backward(x, lo, dy, lo, dx, lo, len, pb, null);
    }
  }

  private final Buffers buffers;
  private final Timing timing;
  private final Timing copyTiming;

  /** {@code copyTiming} times the roofline samples, shorter than the functions' since there are more of them. */
  BenchRun(int max, boolean doubles, Timing timing, Timing copyTiming) {
    float[] in = BenchCommand.inputs(max);
    this.buffers = doubles ? new Doubles(in) : new Floats(in);
    this.timing = timing;
    this.copyTiming = copyTiming;
  }

  double copy(int n, Threads pool) {
    return copyTiming.melemPerSecond(() -> pool.run(n, (lo, hi) -> buffers.copy(lo, hi - lo)), n);
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
      buffers.forward(k, 1, n, pb);
      buffers.backward(k, 1, n, pb);
    });
  }

  /** As {@link #warmJit(Kernel, ParamBlock)} for an approximate variant. */
  void warmJit(ApproxKernel a) {
    Floats f = floats();
    warmJit(n -> {
      a.forward(f.x(), 1, f.y(), 1, n);
      a.backward(f.x(), 1, f.dy(), 1, f.dx(), 1, n);
    });
  }

  /** Runs {@code forwardAndBackward} on {@value #JIT_SIZE} elements from offset 1, as often as warmJit says. */
  private void warmJit(java.util.function.IntConsumer forwardAndBackward) {
    int n = Math.min(JIT_SIZE, buffers.length() - 1);
    long deadline = System.nanoTime() + (long) (JIT_SECONDS * 1e9);
    for (int i = 0; i < JIT_CALLS && System.nanoTime() < deadline; i++) {
      forwardAndBackward.accept(n);
    }
  }

  private static final int JIT_SIZE = 16_389;
  private static final int JIT_CALLS = 3_000;
  private static final double JIT_SECONDS = 3;

  double forward(Kernel k, ParamBlock pb, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> buffers.forward(k, lo, hi - lo, pb)), n);
  }

  double backward(Kernel k, ParamBlock pb, int n, Threads pool) {
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> buffers.backward(k, lo, hi - lo, pb)), n);
  }

  /** The approximate variants are float32 kernels: BenchCommand allows them only in float32 runs. */
  private Floats floats() {
    return (Floats) buffers;
  }

  double forward(ApproxKernel k, int n, Threads pool) {
    Floats f = floats();
    return timing.melemPerSecond(() -> pool.run(n, (lo, hi) -> k.forward(f.x(), lo, f.y(), lo, hi - lo)), n);
  }

  double backward(ApproxKernel k, int n, Threads pool) {
    Floats f = floats();
    return timing.melemPerSecond(
        () -> pool.run(n, (lo, hi) -> k.backward(f.x(), lo, f.dy(), lo, f.dx(), lo, hi - lo)), n);
  }

  /** Max |approx − f| on the first {@code n} inputs that lie in the variant's domain, against the reference. */
  double error(ApproxKernel k, int n) {
    Activation ref = Catalog.activation(k.target());
    double[] p = ref.spec().defaults();
    float[] x = floats().x();
    float[] y = floats().y();
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
