package org.actlab.core.kernel.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

/** The approximations meet their documented error bounds against the double reference (strided float sweeps). */
class ApproxKernelTest {

  /** Max |approx − f| over float bit patterns in [lo, hi] stepping {@code stride} patterns, through forward. */
  private static double maxAbsError(ApproxKernel k, Activation ref, double lo, double hi, int stride) {
    double[] p = ref.spec().defaults();
    List<Float> xs = new ArrayList<>();
    for (int bits = 0; bits >= 0 && Float.intBitsToFloat(bits) <= Math.max(-lo, hi); bits += stride) {
      float v = Float.intBitsToFloat(bits);
      if (v <= hi) {
        xs.add(v);
      }
      if (-v >= lo) {
        xs.add(-v);
      }
    }
    float[] x = new float[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = xs.get(i);
    }
    float[] y = new float[x.length];
    k.forward(x, 0, y, 0, x.length);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(y[i] - ref.f(x[i], p)));
    }
    return worst;
  }

  @Test
  void rationalTanhMeetsItsBound() {
    double e = maxAbsError(new RationalTanh(), Catalog.activation("tanh"), -12, 12, 307);
    System.out.printf("tanh~rational: max abs error %.3g (documented %.3g)%n", e, RationalTanh.MAX_ABS_ERROR);
    assertTrue(e <= RationalTanh.MAX_ABS_ERROR, "max abs error " + e);
    assertTrue(e > RationalTanh.MAX_ABS_ERROR / 100, "the bound is not tight: " + e);
  }

  @Test
  void rationalSigmoidMeetsItsBound() {
    double e = maxAbsError(new RationalSigmoid(), Catalog.activation("sigmoid"), -30, 30, 307);
    System.out.printf("sigmoid~rational: max abs error %.3g (documented %.3g)%n", e, RationalSigmoid.MAX_ABS_ERROR);
    assertTrue(e <= RationalSigmoid.MAX_ABS_ERROR, "max abs error " + e);
  }

  /**
   * With SIMD off, the rational kernels have two loops (one index when the offsets agree, which C2 vectorizes;
   * one per offset otherwise); with it on, the vector lanes, whatever the offsets: the same bits either way,
   * forward and backward, in place too.
   */
  @Test
  void rationalLoopsAgreeWhateverTheOffsets() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(0xA9);
    int n = 5000;
    float[] x = new float[n + 3];
    float[] dy = new float[n + 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble(-12, 12);
      dy[i] = (float) r.nextDouble(-2, 2);
    }
    for (ApproxKernel k : List.of(new RationalTanh(), new RationalSigmoid())) {
      float[] same = new float[n + 3];
      float[] shifted = new float[n + 3];
      k.forward(x, 3, same, 3, n);
      k.forward(x, 3, shifted, 0, n);
      float[] inPlace = x.clone();
      k.forward(inPlace, 3, inPlace, 3, n);
      float[] dSame = new float[n + 3];
      float[] dShifted = new float[n + 3];
      k.backward(x, 3, dy, 3, dSame, 3, n);
      k.backward(x, 3, dy, 3, dShifted, 1, n);
      for (int i = 0; i < n; i++) {
        int want = Float.floatToRawIntBits(same[3 + i]);
        assertEquals(want, Float.floatToRawIntBits(shifted[i]), k.id() + " f " + i);
        assertEquals(want, Float.floatToRawIntBits(inPlace[3 + i]), k.id() + " in place " + i);
        assertEquals(Float.floatToRawIntBits(dSame[3 + i]), Float.floatToRawIntBits(dShifted[1 + i]), k.id() + " f' " + i);
      }
    }
  }

  @Test
  void rationalSpecialValues() {
    assertEquals(1f, RationalTanh.tanh(Float.POSITIVE_INFINITY));
    assertEquals(-1f, RationalTanh.tanh(Float.NEGATIVE_INFINITY));
    assertTrue(Float.isNaN(RationalTanh.tanh(Float.NaN)));
    assertEquals(0f, RationalSigmoid.sigmoid(Float.NEGATIVE_INFINITY));
    assertEquals(0.5f, RationalSigmoid.sigmoid(0f));
    float[] dx = new float[1];
    new RationalTanh().backward(new float[] {0.3f}, 0, new float[] {2f}, 0, dx, 0, 1);
    double want = 2 / Math.pow(Math.cosh(0.3f), 2);
    assertEquals(want, dx[0], 4 * RationalTanh.MAX_ABS_ERROR);
  }

  /**
   * Without an output clamp, the approximant must stay within [−1, 1] below the input clamp and reach 1 there: every
   * 127th float of [0, CLAMP] and every float of the last 2²⁰ below it, where it hovers a few ULP under 1 (the
   * formula is odd in float: c² and the quotient's sign are exact).
   */
  @Test
  void rationalTanhStaysWithinOneBelowItsClamp() {
    float clamp = RationalTanh.CLAMP;
    assertEquals(1f, RationalTanh.tanh(clamp));
    assertEquals(-1f, RationalTanh.tanh(-clamp));
    int top = Float.floatToIntBits(clamp);
    for (int bits = 0; bits <= top; bits += bits < top - (1 << 20) ? 127 : 1) {
      float x = Float.intBitsToFloat(bits);
      float t = RationalTanh.tanh(x);
      assertTrue(t <= 1f && t >= 0f, "tanh~rational(" + x + ") = " + t);
      assertEquals(-t, RationalTanh.tanh(-x), "odd at " + x);
    }
  }

  @Test
  void int8MeetsItsBoundForEveryElementwiseFunction() {
    int checked = 0;
    List<String> failures = new ArrayList<>();
    for (Activation a : Catalog.elementwise()) {
      Int8Lut k = Int8Lut.forPlotDomain(a);
      double e = maxAbsError(k, a, k.domainLo(), k.domainHi(), 65537);
      if (!(e <= k.maxAbsError())) {
        failures.add(a.spec().id() + ": " + e + " > " + k.maxAbsError());
      }
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void int8TableIsTheReferenceAtTheDequantisedPoints() {
    Activation sigmoid = Catalog.activation("sigmoid");
    Int8Lut k = new Int8Lut(sigmoid, sigmoid.spec().defaults(), 0.05, 3);
    for (int q = -128; q <= 127; q++) {
      assertEquals((float) sigmoid.f((q - 3) * 0.05, new double[0]), k.tableAt(q), "q=" + q);
    }
    // the lecture notes' "quantized sigmoid" never applied the sigmoid (NUMERICS.md §5): 0 must map to 1/2
    float[] y = new float[3];
    k.forward(new float[] {0f, 1e9f, Float.NaN}, 0, y, 0, 3);
    assertEquals(0.5f, y[0]);
    assertEquals((float) sigmoid.f((127 - 3) * 0.05, new double[0]), y[1]); // clamped to the range's end
    assertTrue(Float.isNaN(y[2]));
    assertEquals(255, k.index(1e9f));
    assertEquals(0, k.index(-1e9f));
  }

  /**
   * Whichever loop runs (vector lanes with SIMD on, the scalar loop with it off), every element is the table entry
   * at {@link Int8Lut#index}, forward and backward: sizes that hit every tail, offsets, several quantisers, the
   * range's ends, NaN, ±∞ and huge values; and ties (half-way between two steps) round to even, as PyTorch's.
   */
  @Test
  void int8ArraysReadTheTableAtTheIndex() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(0x18);
    Activation gelu = Catalog.activation("gelu");
    for (int zp : new int[] {0, 3, -7}) {
      double scale = 0.0625 * (zp + 9);
      Int8Lut k = new Int8Lut(gelu, gelu.spec().defaults(), scale, zp);
      float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f, 0f, -0f,
          (float) (2.5 * scale), (float) (-3.5 * scale), (float) ((127.5 - zp) * scale),
          (float) ((-128.5 - zp) * scale), (float) ((127 - zp) * scale)};
      for (int n : new int[] {1, 15, 16, 17, 33, 257}) {
        for (int off : new int[] {0, 5}) {
          float[] x = new float[off + n];
          float[] dy = new float[off + n];
          for (int i = 0; i < n; i++) {
            x[off + i] = i < special.length ? special[i] : (float) (r.nextDouble(-140, 140) * scale);
            dy[off + i] = (float) r.nextDouble(-2, 2);
          }
          float[] y = new float[n];
          float[] dx = new float[n];
          k.forward(x, off, y, 0, n);
          k.backward(x, off, dy, off, dx, 0, n);
          for (int i = 0; i < n; i++) {
            float v = x[off + i];
            int q = k.index(v) - 128;
            String at = "zp=" + zp + " n=" + n + " x=" + v;
            assertEquals(Float.floatToIntBits(v != v ? v : k.tableAt(q)), Float.floatToIntBits(y[i]), at);
            assertEquals(Float.floatToIntBits(v != v ? v : dy[off + i] * k.slopeAt(q)), Float.floatToIntBits(dx[i]),
                at + " backward");
          }
        }
      }
    }
    Int8Lut exact = new Int8Lut(gelu, gelu.spec().defaults(), 0.25, 3); // x/scale exact: true ties
    float[] ties = {0.625f, -0.875f};
    float[] y = new float[2];
    exact.forward(ties, 0, y, 0, 2);
    assertEquals(exact.tableAt(2 + 3), y[0], "2.5 rounds to 2");
    assertEquals(exact.tableAt(-4 + 3), y[1], "-3.5 rounds to -4");
  }

  @Test
  void int8RejectsBadQuantisers() {
    Activation relu = Catalog.activation("relu");
    assertThrows(IllegalArgumentException.class, () -> new Int8Lut(relu, new double[0], 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Int8Lut(relu, new double[0], 0.1, 128));
  }

  @Test
  void registry() {
    assertEquals("tanh~rational", Approximations.get("tanh~rational").id());
    assertEquals("sigmoid", Approximations.get("sigmoid~rational").target());
    assertNotNull(Approximations.get("mish~int8"));
    assertNull(Approximations.get("mish~rational"));
    assertNull(Approximations.get("nope~int8"));
    assertEquals(2, Approximations.of("tanh").size());
  }
}
