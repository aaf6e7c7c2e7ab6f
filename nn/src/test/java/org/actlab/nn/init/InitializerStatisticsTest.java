package org.actlab.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample mean, standard deviation and bounds of each random initializer on a 256×1024 tensor (n = 262144) against
 * the closed-form values. Tolerances: mean within 6 standard errors (std/√n), std within 1% (its standard error
 * is about std/√(2n) = 0.14%), uniform samples inside the bound and reaching 99.9% of it.
 */
class InitializerStatisticsTest {

  private static final long SEED = 4242L;
  private static final int FAN_IN = 256;
  private static final int FAN_OUT = 1024;

  /** name, initializer, expected mean, expected std, uniform half-width (0 for normals) around the mean. */
  static Stream<Arguments> cases() {
    double xavierStd = Math.sqrt(2.0 / (FAN_IN + FAN_OUT));
    double heIn = Math.sqrt(2.0) / Math.sqrt(FAN_IN);
    double heOut = Math.sqrt(2.0) / Math.sqrt(FAN_OUT);
    double sirenHidden = Math.sqrt(6.0 / FAN_IN) / 30;
    return Stream.of(
        Arguments.of(new Normal(0.5, 2), 0.5, 2.0, 0.0),
        Arguments.of(new Uniform(-1, 3), 1.0, 4 / Math.sqrt(12), 2.0),
        Arguments.of(Xavier.normal(1), 0.0, xavierStd, 0.0),
        Arguments.of(Xavier.uniform(5.0 / 3), 0.0, 5.0 / 3 * xavierStd, 5.0 / 3 * Math.sqrt(6.0 / (FAN_IN + FAN_OUT))),
        Arguments.of(Kaiming.normal(FanMode.FAN_IN, Math.sqrt(2)), 0.0, heIn, 0.0),
        Arguments.of(Kaiming.normal(FanMode.FAN_OUT, Math.sqrt(2)), 0.0, heOut, 0.0),
        Arguments.of(Kaiming.uniform(FanMode.FAN_IN, Math.sqrt(2)), 0.0, heIn, Math.sqrt(6.0 / FAN_IN)),
        Arguments.of(new LecunNormal(), 0.0, 1 / Math.sqrt(FAN_IN), 0.0),
        Arguments.of(new Siren(true, 30), 0.0, (1.0 / FAN_IN) / Math.sqrt(3), 1.0 / FAN_IN),
        Arguments.of(new Siren(false, 30), 0.0, sirenHidden / Math.sqrt(3), sirenHidden));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sampleMomentsAndBounds(Initializer init, double mean, double std, double half) {
    Tensor w = new Tensor(FAN_IN, FAN_OUT);
    init.fill(w, FAN_IN, FAN_OUT, new SplittableRandom(SEED));
    String why = init.describe() + " seed " + SEED;
    float[] d = w.data();
    double s = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float v : d) {
      s += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double m = s / d.length;
    double ss = 0;
    for (float v : d) {
      ss += (v - m) * (v - m);
    }
    double sd = Math.sqrt(ss / (d.length - 1));
    assertEquals(mean, m, 6 * std / Math.sqrt(d.length), why + " mean");
    assertEquals(std, sd, 0.01 * std, why + " std");
    if (half > 0) {
      float top = (float) (mean + half);
      float bottom = (float) (mean - half);
      assertTrue(lo >= bottom && hi <= top, why + " range [" + lo + ", " + hi + "] vs ±" + half);
      assertTrue(hi > mean + 0.999 * half && lo < mean - 0.999 * half, why + " does not reach its bounds");
    } else {
      // a normal sample of 262144 reaches beyond 4 std (expected count ≈ 17) but not beyond 6.5
      assertTrue(hi > mean + 4 * std && lo < mean - 4 * std, why + " tails too light");
      assertTrue(hi < mean + 6.5 * std && lo > mean - 6.5 * std, why + " tails too heavy");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameSeedSameWeights(Initializer init, double mean, double std, double half) {
    Tensor a = new Tensor(16, 8);
    Tensor b = new Tensor(16, 8);
    init.fill(a, 8, 16, new SplittableRandom(SEED));
    init.fill(b, 8, 16, new SplittableRandom(SEED));
    assertArrayEquals(a.data(), b.data(), init.describe() + " seed " + SEED);
  }

  @Test
  void constantAndZeros() {
    Tensor w = new Tensor(3, 4);
    new Constant(0.25).fill(w, 4, 3, new SplittableRandom(SEED));
    for (float v : w.data()) {
      assertEquals(0.25f, v);
    }
    Constant.zeros().fill(w, 4, 3, new SplittableRandom(SEED));
    for (float v : w.data()) {
      assertEquals(0f, v);
    }
    assertEquals("zeros", Constant.zeros().describe());
  }

  @Test
  void describeNamesTheSettings() {
    assertEquals("kaiming_normal(fan_in, gain=1.414)", Kaiming.normal(FanMode.FAN_IN, Math.sqrt(2)).describe());
    assertEquals("xavier_uniform(gain=1)", Xavier.uniform(1).describe());
    assertEquals("siren(hidden, w0=30)", new Siren(false, 30).describe());
  }
}
