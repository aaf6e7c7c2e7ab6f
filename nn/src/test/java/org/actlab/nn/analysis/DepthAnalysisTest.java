package org.actlab.nn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.actlab.nn.analysis.DepthAnalysis.Config;
import org.actlab.nn.analysis.DepthAnalysis.LayerStats;
import org.junit.jupiter.api.Test;

/** The closed forms of signal propagation that the analysis must reproduce. */
class DepthAnalysisTest {

  private static List<LayerStats> run(String act, String init, int depth, boolean bn) {
    return DepthAnalysis.run(new Config(act, Map.of(), init, depth, 128, 256, bn, 7));
  }

  /** Orthogonal weights preserve norms exactly, and identity adds nothing: the std stays at 1 at every depth. */
  @Test
  void identityWithOrthogonalInitKeepsTheNorm() {
    for (LayerStats s : run("identity", "orthogonal", 20, false)) {
      assertEquals(1.0, s.std(), 0.03, "layer " + s.layer());
      assertEquals(0.0, s.deadFraction());
    }
  }

  /** He init doubles the variance that relu halves: the second moment stays put with depth. */
  @Test
  void reluWithHeInitKeepsTheScaleAndXavierLosesIt() {
    List<LayerStats> he = run("relu", "kaiming_normal", 20, false);
    List<LayerStats> xavier = run("relu", "xavier_normal", 20, false);
    double heRatio = rms(he.get(19)) / rms(he.get(0));
    double xavierRatio = rms(xavier.get(19)) / rms(xavier.get(0));
    assertTrue(heRatio > 0.5 && heRatio < 2, "He: second moment ratio over 19 layers " + heRatio);
    // Xavier's gain 1 with relu halves E[a²] per layer: after 19 more layers the RMS is ~2^(-19/2) ≈ 0.0014
    assertTrue(xavierRatio < 0.01, "Xavier: ratio " + xavierRatio);
  }

  /** SELU under LeCun init converges to its fixed point: mean 0, variance 1 (Klambauer et al. 2017). */
  @Test
  void seluWithLecunInitSitsAtItsFixedPoint() {
    List<LayerStats> s = run("selu", "lecun_normal", 30, false);
    LayerStats last = s.get(29);
    assertEquals(0.0, last.mean(), 0.1);
    assertEquals(1.0, last.std(), 0.1);
  }

  /** Sigmoid saturates and its gradient vanishes towards the input. */
  @Test
  void sigmoidGradientsVanishWithDepth() {
    List<LayerStats> s = run("sigmoid", "xavier_normal", 15, false);
    assertTrue(s.get(0).gradNorm() < 1e-3 * s.get(14).gradNorm(),
        "first/last gradient norm " + s.get(0).gradNorm() / s.get(14).gradNorm());
    List<LayerStats> big = run("sigmoid", "normal", 5, false); // std 1 weights on 128 inputs: |h| ~ 11
    assertTrue(big.get(4).saturatedFraction() > 0.5, "saturated " + big.get(4).saturatedFraction());
  }

  @Test
  void batchNormRecentresEveryLayer() {
    for (LayerStats s : run("relu", "xavier_normal", 10, true)) {
      assertEquals(0.0, s.preMean(), 1e-3);
      assertEquals(1.0, s.preStd(), 1e-2);
    }
  }

  @Test
  void badConfigurationsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> run("softmax", "xavier_normal", 3, false));
    assertThrows(IllegalArgumentException.class, () -> run("nosuch", "xavier_normal", 3, false));
    assertThrows(IllegalArgumentException.class, () -> run("relu", "nosuch", 3, false));
    assertThrows(IllegalArgumentException.class, () -> run("relu", "xavier_normal", 0, false));
  }

  private static double rms(LayerStats s) {
    return Math.sqrt(s.std() * s.std() + s.mean() * s.mean());
  }
}
