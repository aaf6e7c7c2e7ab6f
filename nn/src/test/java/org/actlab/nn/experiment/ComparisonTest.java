package org.actlab.nn.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Tensor;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.Dense;
import org.actlab.nn.spec.Toolkit;
import org.actlab.nn.train.Model;
import org.junit.jupiter.api.Test;

/** The probes' definitions on constructed networks, and a tiny comparison end to end. */
class ComparisonTest {

  private static final Initializer INIT = Initializers.create("xavier_normal", "relu", Map.of());

  private static Tensor gaussian(long seed, int... shape) {
    Tensor t = new Tensor(shape);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < t.size(); i++) {
      t.data()[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return t;
  }

  private static Model model(boolean classification, Layer... layers) {
    return new Model("test", List.of(layers), new int[] {3},
        Toolkit.standard().loss(classification), classification);
  }

  @Test
  void reluWithHugelyNegativeBiasIsAllDeadAndZeroBiasIsAlive() {
    Dense hidden = new Dense(3, 8, "relu", Map.of(), INIT);
    Dense out = new Dense(8, 2, "identity", Map.of(), INIT);
    Model m = model(true, hidden, out);
    m.initialize(new SplittableRandom(1));
    Tensor x = gaussian(2, 64, 3);
    assertEquals(0.0, Probes.deadFraction(m, x), "random weights, zero bias, varied inputs: nothing is dead");
    java.util.Arrays.fill(hidden.parameters().get(1).value().data(), -1e6f);
    assertEquals(1.0, Probes.deadFraction(m, x));
    hidden.parameters().get(1).value().data()[0] = 0f; // one unit revived
    assertEquals(7.0 / 8, Probes.deadFraction(m, x), 1e-12);
  }

  @Test
  void constantColumnsCountsOnlyExactlyConstantOnes() {
    float[] v = {0f, 1f, 2f, Float.NaN, -0.0f, 1f, 2.0000002f, Float.NaN};
    // columns 0 (0 and -0) and 1 are constant; column 2 differs by one ulp; NaN is never "the same output"
    assertEquals(2, Probes.constantColumns(v, 2, 4));
  }

  /** Linear chain y = x·(aI)·(bI): dL/dW2 = a·xᵀg and dL/dW1 = b·xᵀg, so the ratio is exactly b/a. */
  @Test
  void gradientRatioOfAScaledLinearChainIsBOverA() {
    for (double[] ab : new double[][] {{0.5, 1}, {2, 1}, {1, 8}, {4, 0.25}}) {
      Dense first = new Dense(3, 3, "identity", Map.of(), INIT);
      Dense last = new Dense(3, 3, "identity", Map.of(), INIT);
      Model m = model(false, first, last);
      m.initialize(new SplittableRandom(3));
      diagonal(first, (float) ab[0]);
      diagonal(last, (float) ab[1]);
      double r = Probes.gradientRatio(m, gaussian(4, 32, 3), gaussian(5, 32, 3));
      assertEquals(ab[1] / ab[0], r, 1e-5 * ab[1] / ab[0], () -> "a=" + ab[0] + " b=" + ab[1]);
      assertEquals(0.0, Probes.norm(first.parameters().get(0).grad()), "gradients are zeroed afterwards");
    }
  }

  private static void diagonal(Dense d, float v) {
    float[] w = d.parameters().get(0).value().data();
    java.util.Arrays.fill(w, 0f);
    for (int i = 0; i < 3; i++) {
      w[i * 3 + i] = v;
    }
  }

  private static Comparison.Config tiny(List<String> acts, int seeds) {
    return new Comparison.Config("xor", Map.of("n", "200"), "dense:8", acts, Map.of("leaky_relu",
        Map.of("negative_slope", 0.1)), "kaiming_normal", "adam", 1e-2, 2, 32, 7, seeds, 1);
  }

  @Test
  void tinyComparisonSummarisesEverySeedAndIsDeterministic() {
    int[] started = {0};
    ComparisonResult r = Comparison.run(tiny(List.of("relu", "leaky_relu"), 2), (a, s, i, n) -> {
      started[0]++;
      assertEquals(4, n);
      return null;
    });
    assertEquals(4, started[0]);
    assertEquals(List.of("relu", "leaky_relu"), r.summaries().stream().map(ActivationSummary::activation).toList());
    ActivationSummary s = r.summaries().getFirst();
    assertEquals(List.of(7L, 8L), s.runs().stream().map(RunResult::seed).toList());
    assertEquals(2, s.testLossCurve().length);
    assertEquals((s.runs().get(0).testAccuracy() + s.runs().get(1).testAccuracy()) / 2, s.testAccuracyMean(), 1e-12);
    assertEquals(s.testAccuracyMean(), s.testAccuracyCurve()[1], 1e-12);
    double d = s.runs().get(0).testAccuracy() - s.runs().get(1).testAccuracy();
    assertEquals(Math.abs(d) / Math.sqrt(2), s.testAccuracyStd(), 1e-12);
    assertTrue(s.gradRatioMean() > 0 && Double.isFinite(s.gradRatioMean()));
    assertTrue(s.deadFractionMean() >= 0 && s.deadFractionMean() <= 1);
    ComparisonResult again = Comparison.run(tiny(List.of("relu", "leaky_relu"), 2), (a, sd, i, n) -> null);
    assertArrayEquals(s.testLossCurve(), again.summaries().getFirst().testLossCurve());
  }

  @Test
  void badConfigurationsFailBeforeTraining() {
    assertThrows(IllegalArgumentException.class, () -> tiny(List.of("relu"), 0));
    assertThrows(IllegalArgumentException.class, () -> tiny(List.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> Comparison.run(tiny(List.of("relu", "nosuch"), 1),
        (a, s, i, n) -> {
          throw new AssertionError("trained before checking every activation");
        }));
  }
}
