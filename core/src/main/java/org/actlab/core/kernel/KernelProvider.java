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
 * No SIMD kernels exist yet (they are the speed issue's work), so {@code auto} always falls back and says so.
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
    String why = whyNoSimd(fn);
    if (mode == Mode.FORCE) {
      throw new IllegalStateException("no SIMD kernel for " + fn.spec().id() + ": " + why);
    }
    if (!loggedFallback) {
      loggedFallback = true;
      LOG.fine(() -> "using scalar kernels: " + why);
    }
    return new ScalarKernel(fn);
  }

  /** Why the SIMD path is not used for {@code fn}. */
  static String whyNoSimd(Activation fn) {
    if (!vectorModulePresent()) {
      return "the jdk.incubator.vector module is not loaded (pass --add-modules jdk.incubator.vector)";
    }
    return "SIMD kernels are not implemented yet; the scalar reference kernel is used";
  }
}
