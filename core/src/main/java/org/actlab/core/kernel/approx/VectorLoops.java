package org.actlab.core.kernel.approx;

import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.simd.Int8Lanes;
import org.actlab.core.kernel.simd.RationalLanes;

/**
 * The approximate kernels' way into {@link RationalLanes} and {@link Int8Lanes}, which link against
 * {@code jdk.incubator.vector}: the JVM resolves a static call on its first execution, and these run only when
 * {@link #LANES} says the module is loaded and {@code -Dactlab.simd} is not off, so without the module those
 * classes are never loaded.
 */
final class VectorLoops {

  /** Vector lanes for the approximate kernels (a bad {@code actlab.simd} value is reported by the exact kernels). */
  static final boolean LANES = lanes();
  /** The int8 tables' lanes need 16 float lanes (a 256-entry table is 8 pairs of vectors). */
  static final boolean INT8_LANES = LANES && Int8Lanes.SUPPORTED;

  private VectorLoops() {}

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

  static void int8Forward(int[] table, float invScale, int zeroPoint, float[] x, int xOff, float[] y, int yOff,
                          int n) {
    Int8Lanes.forward(table, invScale, zeroPoint, x, xOff, y, yOff, n);
  }

  static void int8Backward(int[] slope, float invScale, int zeroPoint, float[] x, int xOff, float[] dy, int dyOff,
                           float[] dx, int dxOff, int n) {
    Int8Lanes.backward(slope, invScale, zeroPoint, x, xOff, dy, dyOff, dx, dxOff, n);
  }
}
