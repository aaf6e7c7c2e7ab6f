package org.actlab.core.kernel.simd;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Calls a form's {@link FormLoops} copy through method handles held in fields, which C2 cannot inline (the handle
 * is not a compile-time constant), so each loop is always compiled on its own, with the whole inlining budget for
 * its form.
 *
 * <p>Why: with plain interface calls, a caller that had seen two forms (the shared {@link SimdKernel}, or user
 * code) inlined both loop copies behind a type check; the second form then hit C2's node limit for inlining
 * (NodeCountInliningCutoff), was called out of line, and every vector was boxed: leaky_relu forward fell from
 * 5,600 to 600 Melem/s once relu had run in the same JVM. The handle call costs a few nanoseconds per kernel call.
 */
final class LoopHandles implements Loops {

  private final MethodHandle forwardD;
  private final MethodHandle forwardF;
  private final MethodHandle backwardD;
  private final MethodHandle backwardF;
  private final MethodHandle biasD;
  private final MethodHandle biasF;

  LoopHandles(Loops loops) {
    MethodType fwd = MethodType.methodType(void.class, double[].class, int.class, double[].class, int.class,
        int.class, double[].class);
    MethodType bwd = MethodType.methodType(void.class, double[].class, int.class, double[].class, int.class,
        double[].class, int.class, int.class, double[].class);
    MethodType bias = MethodType.methodType(void.class, double[].class, int.class, double[].class, int.class,
        double[].class, int.class, double[].class, int.class, int.class, int.class, double[].class);
    this.forwardD = bind(loops, "forward", fwd);
    this.forwardF = bind(loops, "forward", asFloat(fwd));
    this.backwardD = bind(loops, "backward", bwd);
    this.backwardF = bind(loops, "backward", asFloat(bwd));
    this.biasD = bind(loops, "forwardBias", bias);
    this.biasF = bind(loops, "forwardBias", asFloat(bias));
  }

  /** The same signature with every {@code double[]} but the last (the parameters) as {@code float[]}. */
  private static MethodType asFloat(MethodType t) {
    MethodType f = t;
    for (int i = 0; i < t.parameterCount() - 1; i++) {
      if (t.parameterType(i) == double[].class) {
        f = f.changeParameterType(i, float[].class);
      }
    }
    return f;
  }

  private static MethodHandle bind(Loops loops, String name, MethodType type) {
    try {
      return MethodHandles.lookup().findVirtual(Loops.class, name, type).bindTo(loops);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Loops." + name + type + " not found", e);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t); // the loops declare no checked exceptions
  }

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    try {
      forwardD.invokeExact(x, xOff, y, yOff, n, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, double[] p) {
    try {
      forwardF.invokeExact(x, xOff, y, yOff, n, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, double[] p) {
    try {
      backwardD.invokeExact(x, xOff, dy, dyOff, dx, dxOff, n, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, double[] p) {
    try {
      backwardF.invokeExact(x, xOff, dy, dyOff, dx, dxOff, n, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public void forwardBias(double[] x, int xOff, double[] b, int bOff, double[] y, int yOff, double[] z, int zOff,
                          int rows, int cols, double[] p) {
    try {
      biasD.invokeExact(x, xOff, b, bOff, y, yOff, z, zOff, rows, cols, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  @Override
  public void forwardBias(float[] x, int xOff, float[] b, int bOff, float[] y, int yOff, float[] z, int zOff,
                          int rows, int cols, double[] p) {
    try {
      biasF.invokeExact(x, xOff, b, bOff, y, yOff, z, zOff, rows, cols, p);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }
}
