package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * Forms whose double forward runs in two passes ({@link VectorForm#twoPassForward()}) give the same bits there as
 * in the one pass that in-place calls, arrays shorter than a vector and the last partial vector take, and as a
 * call split in two at any point (what a thread split does): at sizes that hit every tail, several offsets, and
 * values from the whole range, the special ones included. Accuracy itself is {@code SimdParityTest}'s job.
 */
class TwoPassForwardTest {

  private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, 1e5, -1e5, Math.nextUp(1e5), -Math.nextUp(1e5), 1e300, -1e300, -21.9, -40, 4.9e-324,
      -4.9e-324, Double.MAX_VALUE, -Double.MAX_VALUE};

  @Test
  void twoPassesGiveTheOnePassBits() {
    List<String> twoPass = new ArrayList<>();
    for (Activation a : Catalog.elementwise()) {
      SimdKernel k = SimdKernels.kernel(a);
      if (k != null && k.form().twoPassForward()) {
        twoPass.add(a.spec().id());
        check(a, k);
      }
    }
    assertTrue(twoPass.contains("gelu_tanh"), twoPass.toString());
  }

  private static void check(Activation a, SimdKernel k) {
    ParamBlock pb = ParamBlock.shared(a.spec().defaults());
    SplittableRandom r = new SplittableRandom(0x2FA5);
    for (int n : new int[] {7, 8, 9, 15, 17, 100, 1001, 10_007}) { // 10,007: more than one block
      for (int off : new int[] {0, 3}) {
        double[] x = new double[off + n];
        for (int i = 0; i < n; i++) {
          x[off + i] = i % 5 == 0 ? SPECIAL[r.nextInt(SPECIAL.length)]
              : i % 2 == 0 ? r.nextDouble(-30, 30) : r.nextDouble(-3, 3);
        }
        double[] y = new double[off + n];
        k.forward(x, off, y, off, n, pb);
        double[] inPlace = x.clone();
        k.forward(inPlace, off, inPlace, off, n, pb);
        int cut = r.nextInt(n + 1);
        double[] split = new double[off + n];
        k.forward(x, off, split, off, cut, pb);
        k.forward(x, off + cut, split, off + cut, n - cut, pb);
        for (int i = 0; i < n; i++) {
          String where = a.spec().id() + " n=" + n + " off=" + off + " x=" + x[off + i];
          long bits = Double.doubleToLongBits(y[off + i]);
          assertEquals(bits, Double.doubleToLongBits(inPlace[off + i]), where + " (in place)");
          assertEquals(bits, Double.doubleToLongBits(split[off + i]), where + " (split at " + cut + ")");
        }
      }
    }
  }
}
