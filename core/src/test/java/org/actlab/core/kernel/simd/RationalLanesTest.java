package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.actlab.core.kernel.approx.RationalSigmoid;
import org.actlab.core.kernel.approx.RationalTanh;
import org.junit.jupiter.api.Test;

/**
 * The vector lanes of the rational kernels give the scalar formulas' bits (any NaN for NaN), forward and backward,
 * over sizes that hit every tail, several offsets, and special values (the clamps' edges, NaN, ±∞, ±0,
 * subnormals). Their error bounds are {@code ApproxKernelTest}'s job, which runs on whichever loops the kernels
 * pick.
 */
class RationalLanesTest {

  private static final int[] SIZES = {0, 1, 3, 15, 16, 17, 31, 33, 100, 1023};
  private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
      Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, 1e-20f, RationalTanh.CLAMP, -RationalTanh.CLAMP,
      Math.nextUp(RationalTanh.CLAMP), Math.nextDown(-RationalTanh.CLAMP), 7.6223f, -7.6223f, 15.2f, -15.3f, 1e30f,
      -1e30f, 0.5f, -2f};

  @Test
  void lanesGiveTheScalarBits() {
    SplittableRandom r = new SplittableRandom(0x7A);
    for (int n : SIZES) {
      for (int xOff : new int[] {0, 3}) {
        for (int outOff : new int[] {0, 5}) {
          float[] x = new float[xOff + n];
          float[] dy = new float[outOff + n];
          for (int i = 0; i < n; i++) {
            x[xOff + i] = i < SPECIAL.length && r.nextInt(3) == 0 ? SPECIAL[i] : (float) r.nextDouble(-20, 20);
            dy[outOff + i] = (float) r.nextDouble(-2, 2);
          }
          for (boolean sigmoid : new boolean[] {false, true}) {
            float[] y = new float[outOff + n];
            float[] dx = new float[outOff + n];
            if (sigmoid) {
              RationalLanes.sigmoidForward(x, xOff, y, outOff, n);
              RationalLanes.sigmoidBackward(x, xOff, dy, outOff, dx, outOff, n);
            } else {
              RationalLanes.tanhForward(x, xOff, y, outOff, n);
              RationalLanes.tanhBackward(x, xOff, dy, outOff, dx, outOff, n);
            }
            for (int i = 0; i < n; i++) {
              float v = x[xOff + i];
              float f = sigmoid ? RationalSigmoid.sigmoid(v) : RationalTanh.tanh(v);
              float d = dy[outOff + i] * (sigmoid ? f * (1f - f) : (1f - f) * (1f + f));
              String at = (sigmoid ? "sigmoid" : "tanh") + " n=" + n + " i=" + i + " x=" + v;
              assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(y[outOff + i]), at);
              assertEquals(Float.floatToIntBits(d), Float.floatToIntBits(dx[outOff + i]), at + " backward");
            }
          }
        }
      }
    }
  }
}
