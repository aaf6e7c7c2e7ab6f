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
 * Forms that keep their root series apart ({@link VectorForm#rootsApart()}) give double arrays the same bits in
 * two passes (dx a separate array) as in the one pass an in-place call takes, on points crowded around the roots
 * of f' and both edges of each series' window, at sizes that hit every tail and several offsets, with the default
 * parameters and other ones. (Float arrays take one pass: float lanes, or for tanhexp widened lanes whose plain
 * formula needs no series.) Accuracy itself is {@code UlpAccuracyTest}'s and {@code SimdParityTest}'s job.
 *
 * <p>Compared warm: the vector-math exponential ({@code lanewise(EXP)}) rounds differently in the interpreter (the
 * JDK's Java fallback, as {@code Math.exp}) and in C2's code (SVML), by an ulp at some arguments (e^−1.903983709901467:
 * ...825p-3 against ...824p-3), so a path still interpreted can differ from a compiled one by that much. A fresh-clone
 * CI run met it once (silu, n = 15: the in-place masked loop against the two-pass loop, 1 ulp), so every case runs
 * {@link #WARM_UP} times before the one that is checked.
 */
class RootsApartTest {

  @Test
  void twoPassesGiveTheOnePassBits() {
    List<String> apart = new ArrayList<>();
    for (Activation a : Catalog.elementwise()) {
      SimdKernel k = SimdKernels.kernel(a);
      if (k != null && k.form().rootsApart()) {
        apart.add(a.spec().id());
        check(a, k, a.spec().defaults());
        double[] other = a.spec().defaults().clone();
        for (int i = 0; i < other.length; i++) {
          other[i] = other[i] * 1.5 + 0.25;
        }
        check(a, k, other);
      }
    }
    assertTrue(apart.containsAll(List.of("silu", "swish", "adaptive_swish", "tanhexp")), apart.toString());
  }

  private static final int WARM_UP = 2_000;

  private static void check(Activation a, SimdKernel k, double[] params) {
    for (int round = 0; round <= WARM_UP; round++) {
      check(a, k, params, round == WARM_UP);
    }
  }

  private static void check(Activation a, SimdKernel k, double[] params, boolean assertBits) {
    ParamBlock pb = ParamBlock.shared(params);
    SplittableRandom r = new SplittableRandom(0xA9A);
    for (int n : new int[] {8, 9, 15, 17, 100, 1001, 8201}) { // 8201: FormLoops runs it in blocks
      for (int off : new int[] {0, 3}) {
        double[] x = new double[off + n];
        double[] dy = new double[off + n];
        for (int i = 0; i < n; i++) {
          // the gate's root is at −1.2785 (divided by beta for swish), tanhexp's at −1.0789
          x[off + i] = i % 3 == 0 ? r.nextDouble(-8, 8) : r.nextDouble(-2.2, -0.6) + r.nextDouble(-1e-6, 1e-6);
          dy[off + i] = r.nextDouble(-2, 2);
        }
        double[] dx = new double[off + n];
        k.backward(x, off, dy, off, dx, off, n, pb, null);
        double[] inPlace = dy.clone();
        k.backward(x, off, inPlace, off, inPlace, off, n, pb, null);
        for (int i = 0; assertBits && i < n; i++) {
          assertEquals(Double.doubleToLongBits(inPlace[off + i]), Double.doubleToLongBits(dx[off + i]),
              a.spec().id() + " n=" + n + " off=" + off + " x=" + x[off + i]);
        }
      }
    }
  }
}
