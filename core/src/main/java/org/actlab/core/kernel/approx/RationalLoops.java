package org.actlab.core.kernel.approx;

import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.simd.RationalLanes;

/**
 * The rational kernels' way into {@link RationalLanes}, which links against {@code jdk.incubator.vector}: the JVM
 * resolves a static call on its first execution, and these run only when {@link #LANES} says the module is loaded
 * and {@code -Dactlab.simd} is not off, so without the module that class is never loaded.
 */
final class RationalLoops {

  /** Vector lanes for the rational kernels (a bad {@code actlab.simd} value is reported by the exact kernels). */
  static final boolean LANES = lanes();

  private RationalLoops() {}

  private static boolean lanes() {
    try {
      return KernelProvider.mode() != KernelProvider.Mode.OFF && KernelProvider.vectorModulePresent();
    } catch (IllegalArgumentException e) {
      return false; // the scalar loops give the same bits
    }
  }

  static void tanhForward(float[] x, int xOff, float[] y, int yOff, int n) {
    RationalLanes.tanhForward(x, xOff, y, yOff, n);
  }

  static void tanhBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    RationalLanes.tanhBackward(x, xOff, dy, dyOff, dx, dxOff, n);
  }

  static void sigmoidForward(float[] x, int xOff, float[] y, int yOff, int n) {
    RationalLanes.sigmoidForward(x, xOff, y, yOff, n);
  }

  static void sigmoidBackward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    RationalLanes.sigmoidBackward(x, xOff, dy, dyOff, dx, dxOff, n);
  }
}
