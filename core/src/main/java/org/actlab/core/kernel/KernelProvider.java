package org.actlab.core.kernel;

import java.util.Locale;
import java.util.logging.Logger;

import org.actlab.core.activation.Activation;

/**
 * Picks the kernel for an activation once: SIMD where a Vector API kernel exists and the
 * {@code jdk.incubator.vector} module is present, the {@link ScalarKernel} otherwise.
 *
 * <p>The system property {@code actlab.simd} selects: {@code off} (always scalar), {@code auto} (default: SIMD
 * when available, else scalar with one logged line saying why), {@code force} (SIMD or an error, for tests).
 */
public final class KernelProvider {

  private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());
  private static volatile boolean loggedFallback;

  /** The selection modes of {@code -Dactlab.simd}. */
  public enum Mode { OFF, AUTO, FORCE }

  private KernelProvider() {}

  /** The mode from {@code -Dactlab.simd}, default auto. */
  public static Mode mode() {
    String v = System.getProperty("actlab.simd", "auto").trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "off", "false", "scalar" -> Mode.OFF;
      case "force", "on", "simd" -> Mode.FORCE;
      case "auto", "" -> Mode.AUTO;
      default -> throw new IllegalArgumentException("actlab.simd must be off, auto or force (got '" + v + "')");
    };
  }

  /** True if the Vector API module is loaded in this JVM. */
  public static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** The kernel for {@code fn} under the current mode. */
  public static Kernel kernel(Activation fn) {
    return kernel(fn, mode());
  }

  /**
   * The kernel for {@code fn} under {@code mode}.
   *
   * @throws IllegalStateException in {@code FORCE} mode when no SIMD kernel can be used, saying why
   */
  public static Kernel kernel(Activation fn, Mode mode) {
    if (mode == Mode.OFF) {
      return new ScalarKernel(fn);
    }
    Kernel simd = Simd.kernel(fn);
    if (simd != null) {
      return simd;
    }
    String why = whyNoSimd(fn);
    if (mode == Mode.FORCE) {
      throw new IllegalStateException("no SIMD kernel for " + fn.spec().id() + ": " + why);
    }
    if (!vectorModulePresent() && !loggedFallback) {
      loggedFallback = true;
      LOG.warning("ActLab uses scalar kernels: " + why);
    }
    return new ScalarKernel(fn);
  }

  /**
   * The kernel for {@code fn} under {@code mode}, on {@code threads} threads for large arrays: a
   * {@link ParallelKernel} around {@link #kernel(Activation, Mode)}, or that kernel itself when {@code threads}
   * is 1. {@link ParallelKernel#defaultThreads()} gives {@code -Dactlab.threads} or the processor count.
   */
  public static Kernel kernel(Activation fn, Mode mode, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Kernel k = kernel(fn, mode);
    return threads == 1 ? k : new ParallelKernel(k, threads);
  }

  /** Why the SIMD path is not used for {@code fn} (meaningful when {@link #kernel} did not return one). */
  public static String whyNoSimd(Activation fn) {
    if (!vectorModulePresent()) {
      return "the jdk.incubator.vector module is not loaded (pass --add-modules jdk.incubator.vector)";
    }
    return "no vector form is implemented for " + fn.spec().id();
  }

  /**
   * The vector shape in use and whether the kernels' JIT inlining directive is installed (waiting for it, up to
   * a few seconds, so call this before timing anything), or why there is no SIMD.
   */
  public static String simdStatus() {
    return Simd.LANES != null ? Simd.LANES + ", " + Simd.jitStatus()
        : "no SIMD: the jdk.incubator.vector module is not loaded";
  }

  /**
   * Reflective bridge to {@code kernel.simd}: that package links against {@code jdk.incubator.vector}, so it is
   * only loaded once the module is known to be present (the Lucene pattern).
   */
  private static final class Simd {
    static final java.lang.invoke.MethodHandle FIND;
    static final java.lang.invoke.MethodHandle JIT_STATUS;
    static final String LANES;

    static {
      java.lang.invoke.MethodHandle find = null;
      java.lang.invoke.MethodHandle jit = null;
      String lanes = null;
      if (vectorModulePresent()) {
        try {
          Class<?> c = Class.forName("org.actlab.core.kernel.simd.SimdKernels");
          var lookup = java.lang.invoke.MethodHandles.publicLookup();
          find = lookup.findStatic(c, "kernel", java.lang.invoke.MethodType.methodType(
              Class.forName("org.actlab.core.kernel.simd.SimdKernel"), Activation.class));
          lanes = (String) lookup.findStatic(c, "lanes", java.lang.invoke.MethodType.methodType(String.class))
              .invoke();
          jit = lookup.findStatic(c, "jitStatus", java.lang.invoke.MethodType.methodType(String.class));
        } catch (Throwable t) {
          LOG.warning("SIMD kernels unavailable (" + t + "); using scalar kernels");
          find = null;
        }
      }
      FIND = find;
      JIT_STATUS = jit;
      LANES = lanes;
    }

    static String jitStatus() {
      try {
        return (String) JIT_STATUS.invoke();
      } catch (Throwable t) {
        return "C2 inlining directive unknown (" + t + ")";
      }
    }

    static Kernel kernel(Activation fn) {
      if (FIND == null) {
        return null;
      }
      try {
        return (Kernel) FIND.invoke(fn);
      } catch (Throwable t) {
        throw new IllegalStateException("SIMD kernel lookup failed for " + fn.spec().id(), t);
      }
    }
  }
}
