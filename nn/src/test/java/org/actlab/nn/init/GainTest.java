package org.actlab.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.actlab.core.activation.Catalog;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

/** Gains: PyTorch's calculate_gain table, and the second-moment rule against closed forms. */
class GainTest {

  @Test
  void pytorchTable() {
    assertEquals(1.0, Gain.of("linear"));
    assertEquals(1.0, Gain.of("conv2d"));
    assertEquals(1.0, Gain.of("identity"));
    assertEquals(1.0, Gain.of("sigmoid"));
    assertEquals(5.0 / 3, Gain.of("tanh"));
    assertEquals(Math.sqrt(2), Gain.of("relu"));
    assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Gain.of("leaky_relu"));
    assertEquals(Math.sqrt(2 / 1.04), Gain.of("leaky_relu", Map.of("negative_slope", 0.2)));
    assertEquals(0.75, Gain.of("selu"));
  }

  @Test
  void secondMomentRuleMatchesClosedForms() {
    // relu: E[relu(Z)²] = 1/2; exponential: E[e^{2Z}] = e²; squared_relu: E[relu(Z)⁴] = 3/2;
    // sine(w0): E[sin²(w0 Z)] = (1 − e^{−2w0²})/2
    assertEquals(Math.sqrt(2), Gain.secondMomentGain(Catalog.activation("relu"), new double[0]), 1e-6);
    assertEquals(Math.exp(-1), Gain.of("exponential"), 1e-6);
    assertEquals(Math.sqrt(2.0 / 3), Gain.of("squared_relu"), 1e-6);
    assertEquals(Math.sqrt(2 / (1 - Math.exp(-2))), Gain.of("sine", Map.of("w0", 1.0)), 1e-6);
    assertEquals(1.0, Gain.secondMomentGain(Catalog.activation("identity"), new double[0]), 1e-6);
  }

  @Test
  void everyCatalogEntryHasAFiniteGain() {
    int checked = 0;
    for (var e : Catalog.all()) {
      double g = Gain.of(e.spec().id());
      assertTrue(g > 0 && Double.isFinite(g), e.spec().id() + " gain " + g);
      checked++;
    }
    assertEquals(Catalog.all().size(), checked);
    assertEquals(1.0, Gain.of("softmax"), "row functions: 1 by documented choice");
  }

  @Test
  void unknownNamesAndParametersAreReported() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Gain.of("rleu")).getMessage()
        .contains("unknown function 'rleu'"));
    assertThrows(IllegalArgumentException.class, () -> Gain.of("relu", Map.of("slope", 1.0)));
  }

  @Test
  void kaimingWithTheReluGainKeepsTheSecondMomentThroughDepth() {
    // y = W relu(x), x ~ N(0, 1): E[y²] = fan_in·(2/fan_in)·E[relu(x)²] = 1, checked on a 512-unit layer
    long seed = 9L;
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 512;
    Initializer init = Initializers.create("kaiming_normal", "relu", Map.of());
    Tensor w = new Tensor(n, n);
    init.fill(w, n, n, rng);
    double[] x = new double[n];
    double m2 = 0;
    int batches = 40;
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < n; i++) {
        x[i] = Math.max(0, rng.nextGaussian());
      }
      for (int o = 0; o < n; o++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += w.data()[o * n + i] * x[i];
        }
        m2 += s * s;
      }
    }
    assertEquals(1.0, m2 / (n * batches), 0.1, "E[y²] with seed " + seed);
  }
}
