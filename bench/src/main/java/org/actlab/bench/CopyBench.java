package org.actlab.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code System.arraycopy} of float arrays, the memory roofline for {@link KernelBench} (ops/µs = Melem/s). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CopyBench {

  private float[] x1;
  private float[] y1;
  private float[] x16;
  private float[] y16;

  @Setup
  public void setUp() {
    x1 = KernelBench.inputs(KernelBench.ONE_M);
    y1 = new float[KernelBench.ONE_M];
    x16 = KernelBench.inputs(KernelBench.SIXTEEN_M);
    y16 = new float[KernelBench.SIXTEEN_M];
  }

  @Benchmark
  @OperationsPerInvocation(KernelBench.ONE_M)
  public float[] copy1M() {
    System.arraycopy(x1, 0, y1, 0, x1.length);
    return y1;
  }

  @Benchmark
  @OperationsPerInvocation(KernelBench.SIXTEEN_M)
  public float[] copy16M() {
    System.arraycopy(x16, 0, y16, 0, x16.length);
    return y16;
  }
}
