package org.actlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Float32 forward ({@code y = f(x)}) and backward ({@code dx = dy·f'(x)}) of the kernel the provider picks (SIMD
 * where a vector form exists), one thread, preallocated buffers, inputs uniform in [−6, 6) as {@code actlab bench}.
 * One operation is one element: scores in ops/µs are Melem/s. {@link CopyBench} gives the memory roofline.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBench {

  static final int ONE_M = 1 << 20;
  static final int SIXTEEN_M = 1 << 24;

  /** Buffers and kernel for one function at one size. */
  @State(Scope.Thread)
  public abstract static class Buffers {

    @Param({"relu", "sigmoid", "gelu", "silu", "tanh"})
    public String function;

    float[] x;
    float[] y;
    float[] dy;
    float[] dx;
    Kernel kernel;
    ParamBlock params;

    void allocate(int n) {
      x = inputs(n);
      y = new float[n];
      dy = new float[n];
      dx = new float[n];
      Arrays.fill(dy, 1f);
      Activation fn = Catalog.activation(function);
      kernel = KernelProvider.kernel(fn);
      params = ParamBlock.shared(fn.spec().defaults());
    }

    float[] forward() {
      kernel.forward(x, 0, y, 0, x.length, params);
      return y;
    }

    float[] backward() {
      kernel.backward(x, 0, dy, 0, dx, 0, x.length, params, null);
      return dx;
    }
  }

  /** 1M elements (4 MB per array). */
  @State(Scope.Thread)
  public static class OneM extends Buffers {
    @Setup
    public void setUp() {
      allocate(ONE_M);
    }
  }

  /** 16M elements (64 MB per array, far beyond the caches). */
  @State(Scope.Thread)
  public static class SixteenM extends Buffers {
    @Setup
    public void setUp() {
      allocate(SIXTEEN_M);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ONE_M)
  public float[] forward1M(OneM s) {
    return s.forward();
  }

  @Benchmark
  @OperationsPerInvocation(ONE_M)
  public float[] backward1M(OneM s) {
    return s.backward();
  }

  @Benchmark
  @OperationsPerInvocation(SIXTEEN_M)
  public float[] forward16M(SixteenM s) {
    return s.forward();
  }

  @Benchmark
  @OperationsPerInvocation(SIXTEEN_M)
  public float[] backward16M(SixteenM s) {
    return s.backward();
  }

  /** The benchmark inputs: uniform in [−6, 6), seed 42 (as {@code actlab bench}). */
  static float[] inputs(int n) {
    SplittableRandom r = new SplittableRandom(42);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-6, 6);
    }
    return x;
  }
}
