package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * Float lanes (and forms with a cheaper computation for widened float inputs) against the double reference
 * rounded to float, over a sweep of float32 bit patterns: every 97th
 * pattern with 2⁻¹⁰ ≤ |x| ≤ 128 (where the functions vary), every 997th below (tiny and subnormal inputs) and
 * every 9973rd beyond (saturated tails, overflow, ±∞, NaN patterns), plus the 8 floats either side of every
 * multiple of 1/4 up to 32 and of 110 (where the per-interval tables of {@link LaneTables} switch and end: at
 * half-integers for unit intervals, at odd quarters for half-unit ones; and where the forms clamp), both signs, at default parameters, forward and f' (backward with dy = 1).
 * Bound: 4 ULP of the rounded reference, plus an absolute 1e-15 for f' only: near an irrational root of f' the
 * double reference itself is only accurate to a few double ulps of the O(1) terms that cancel there. Prints the worst case per form.
 */
class SimdFloatSweepTest {

  private static final int NEAR_STRIDE = 97;
  private static final int FAR_STRIDE = 9973;
  private static final int TINY_STRIDE = 997;
  private static final int NEAR_LOW = Float.floatToRawIntBits(0x1p-10f);
  private static final int NEAR_LIMIT = Float.floatToRawIntBits(128f);

  /** Forms with their own computation for widened float inputs (VectorForm.fWidened, dfdxWidened). */
  private static boolean widensCheaply(VectorForm form) {
    for (java.lang.reflect.Method m : form.getClass().getDeclaredMethods()) {
      if (m.getName().equals("fWidened") || m.getName().equals("dfdxWidened")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void floatLanesWithin4UlpOfTheRoundedReference() {
    float[] x = sweep();
    List<String> bad = new ArrayList<>();
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      SimdKernel k = SimdKernels.kernel(a);
      if (k == null || !(k.form().floatLanes() || widensCheaply(k.form()))) {
        continue;
      }
      double[] p = a.spec().defaults();
      float[] y = new float[x.length];
      float[] dx = new float[x.length];
      float[] ones = new float[x.length];
      java.util.Arrays.fill(ones, 1f);
      k.forward(x, 0, y, 0, x.length, ParamBlock.shared(p));
      k.backward(x, 0, ones, 0, dx, 0, x.length, ParamBlock.shared(p), null);
      double[] worst = new double[4]; // ulp f, at, ulp f', at
      int fails = 0;
      for (int i = 0; i < x.length; i++) {
        double xd = x[i];
        double yd = a.f(xd, p);
        float wantY = (float) yd;
        float wantD = (float) a.dfdx(xd, yd, p);
        double ef = err(y[i], wantY, 0);
        double ed = err(dx[i], wantD, 1e-15);
        if (ef > worst[0]) {
          worst[0] = ef;
          worst[1] = xd;
        }
        if (ed > worst[2]) {
          worst[2] = ed;
          worst[3] = xd;
        }
        if ((ef > 4 || ed > 4) && fails++ < 5) {
          bad.add(String.format("%s x=%s (bits %08x): f %s want %s (%.3g ULP), f' %s want %s (%.3g ULP)",
              a.spec().id(), x[i], Float.floatToRawIntBits(x[i]), y[i], wantY, ef, dx[i], wantD, ed));
        }
      }
      System.out.printf("float lanes %-12s worst f %.3g ULP @ %s, f' %.3g ULP @ %s (%d over 4)%n", a.spec().id(),
          worst[0], worst[1], worst[2], worst[3], fails);
      checked++;
    }
    assertTrue(checked >= 7, "expected float lanes for at least 7 forms, found " + checked);
    assertEquals(List.of(), bad);
  }

  /**
   * Every float in the windows where a denser search found a form's worst case (the sweep's stride steps over
   * them), measured from the exact value (the double reference, not rounded: stricter than the sweep's bound):
   * silu' at x = −0.8453 was 4.2 ULP from it (4 from the rounded one), with every intermediate at the bottom of its
   * binade and the result at the top of its; and silu' next to its root.
   */
  @Test
  void everyFloatInTheWorstWindowsWithin4Ulp() {
    record Window(String id, float lo, float hi) {}
    List<String> bad = new ArrayList<>();
    for (Window w : List.of(new Window("silu", -0.9f, -0.8f), new Window("silu", -1.3f, -1.2f))) {
      Activation a = Catalog.activation(w.id());
      double[] p = a.spec().defaults();
      int n = Float.floatToRawIntBits(w.lo()) - Float.floatToRawIntBits(w.hi()) + 1; // negative: bits grow with |x|
      float[] x = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = Float.intBitsToFloat(Float.floatToRawIntBits(w.hi()) + i);
      }
      float[] ones = new float[n];
      java.util.Arrays.fill(ones, 1f);
      float[] dx = new float[n];
      SimdKernels.kernel(a).backward(x, 0, ones, 0, dx, 0, n, ParamBlock.shared(p), null);
      double worst = 0;
      for (int i = 0; i < n; i++) {
        double want = a.dfdx(x[i], a.f(x[i], p), p);
        worst = Math.max(worst, Math.abs(dx[i] - want) / Math.ulp((float) want));
      }
      System.out.printf("every float of [%s, %s]: %s' worst %.3g ULP%n", w.lo(), w.hi(), w.id(), worst);
      if (worst > 4) {
        bad.add(w + ": " + worst + " ULP");
      }
    }
    assertEquals(List.of(), bad);
  }

  /** Error in ULP of {@code want} (the float ulp, MIN_VALUE for subnormals), after an absolute allowance. */
  private static double err(float got, float want, double absolute) {
    if (Float.isNaN(want) || Float.isNaN(got) || Float.isInfinite(want) || Float.isInfinite(got)) {
      return Float.compare(got, want) == 0 || (Float.isNaN(got) && Float.isNaN(want)) ? 0 : Double.POSITIVE_INFINITY;
    }
    double d = Math.abs((double) got - want);
    return d <= absolute ? 0 : d / Math.ulp(want);
  }

  private static float[] sweep() {
    int[] edges = new int[129];
    edges[0] = Float.floatToRawIntBits(110f);
    for (int k = 1; k <= 128; k++) {
      edges[k] = Float.floatToRawIntBits(k / 4f);
    }
    int strided = 0;
    for (long bits = 0; bits <= 0x7FFFFFFFL; bits += step(bits)) {
      strided++;
    }
    float[] x = new float[2 * (strided + 1 + edges.length * 17)];
    int n = 0;
    for (int sign = 0; sign < 2; sign++) {
      for (long bits = 0; bits <= 0x7FFFFFFFL; bits += step(bits)) {
        x[n++] = Float.intBitsToFloat((int) bits | (sign << 31));
      }
      x[n++] = sign == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
      for (int at : edges) {
        for (int d = -8; d <= 8; d++) {
          x[n++] = Float.intBitsToFloat((at + d) | (sign << 31));
        }
      }
    }
    return x;
  }

  private static long step(long bits) {
    return bits < NEAR_LOW ? TINY_STRIDE : bits < NEAR_LIMIT ? NEAR_STRIDE : FAR_STRIDE;
  }
}
