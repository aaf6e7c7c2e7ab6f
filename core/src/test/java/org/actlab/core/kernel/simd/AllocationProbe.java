package org.actlab.core.kernel.simd;

import java.lang.management.ManagementFactory;

import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;

/**
 * Run in a JVM of its own by {@link WorstCaseProfileTest}: for each named function, warms the float32 kernel up
 * (the float64 one for names prefixed {@code f64:}), then prints {@code name forwardBytes backwardBytes}, the bytes
 * allocated per call on 65,541 elements (a head and a tail) once C2 has compiled it; a kernel that boxes its vectors allocates kilobytes per call. Ends with the
 * kernels' status line (whether the JIT inlining directive was installed), after a line saying whether the
 * directive's installation had finished when the first kernel was handed out (it must have: a loop compiled
 * before it can box for good).
 */
public final class AllocationProbe {

  /** A name with this prefix probes the float64 kernel (on the same values as doubles). */
  static final String F64 = "f64:";

  private AllocationProbe() {}

  public static void main(String[] names) {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int n = 65_541;
    float[] x = new float[n + 1];
    float[] y = new float[n + 1];
    float[] g = new float[n + 1];
    double[] xd = new double[n + 1];
    double[] yd = new double[n + 1];
    double[] gd = new double[n + 1];
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble(-6, 6);
      g[i] = 1f;
      xd[i] = x[i];
      gd[i] = 1;
    }
    boolean first = true;
    for (String name : names) {
      boolean f64 = name.startsWith(F64);
      String id = f64 ? name.substring(F64.length()) : name;
      Kernel k = KernelProvider.kernel(Catalog.activation(id));
      if (first) {
        System.out.println("directive settled before the first kernel: " + JitInlining.start().isDone());
        first = false;
      }
      ParamBlock pb = ParamBlock.shared(Catalog.activation(id).spec().defaults());
      Runnable forward = f64 ? () -> k.forward(xd, 1, yd, 1, n, pb) : () -> k.forward(x, 1, y, 1, n, pb);
      Runnable backward = f64 ? () -> k.backward(xd, 1, gd, 1, yd, 1, n, pb, null)
          : () -> k.backward(x, 1, g, 1, y, 1, n, pb, null);
      long fwd = Long.MAX_VALUE;
      long bwd = Long.MAX_VALUE;
      // until both are compiled (a loaded machine compiles late) or 60 rounds have passed
      for (int round = 0; round < 60 && (fwd >= 256 || bwd >= 256); round++) {
        for (int warm = 0; warm < 100; warm++) {
          forward.run();
          backward.run();
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
          forward.run();
        }
        long mid = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10; i++) {
          backward.run();
        }
        fwd = (mid - before) / 10;
        bwd = (mx.getCurrentThreadAllocatedBytes() - mid) / 10;
      }
      System.out.println(name + " " + fwd + " " + bwd);
    }
    System.out.println("status: " + KernelProvider.simdStatus()); // the JIT directive's, for a failure message
  }
}
