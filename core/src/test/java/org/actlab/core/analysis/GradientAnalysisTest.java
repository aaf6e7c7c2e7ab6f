package org.actlab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

/** Closed forms the analysis must reproduce. */
class GradientAnalysisTest {

  private static GradientStats of(String id) {
    Activation a = Catalog.activation(id);
    return GradientAnalysis.analyze(a, a.spec().defaults(), -5, 5, 1001);
  }

  @Test
  void reluHalvesTheSecondMomentAndPassesHalfTheGradient() {
    GradientStats s = of("relu");
    assertEquals(0.5, s.varianceGain(), 1e-7); // E relu(Z)² = 1/2
    assertEquals(1 / Math.sqrt(2 * Math.PI), s.gaussianMean(), 1e-7); // E relu(Z) = φ(0)
    assertEquals(0.5 - 1 / (2 * Math.PI), s.gaussianVariance(), 1e-7);
    assertEquals(0.5, s.gradientGain(), 1e-7); // P(Z > 0)
    assertEquals(1.0, s.maxAbsGrad());
    assertEquals(500.0 / 1001, s.meanAbsGrad(), 1e-12); // x > 0 at 500 of the 1001 points
    assertEquals(501.0 / 1001, s.vanishingFraction(), 1e-12);
    assertEquals(0.0, s.outMin());
    assertEquals(5.0, s.outMax());
  }

  @Test
  void identityKeepsTheSignal() {
    GradientStats s = of("identity");
    assertEquals(0, s.gaussianMean(), 1e-12);
    assertEquals(1, s.gaussianVariance(), 1e-7);
    assertEquals(1, s.varianceGain(), 1e-7);
    assertEquals(1, s.gradientGain(), 1e-7);
  }

  @Test
  void seluIsSelfNormalising() {
    GradientStats s = of("selu");
    assertEquals(0, s.gaussianMean(), 1e-6);
    assertEquals(1, s.gaussianVariance(), 1e-6);
  }

  @Test
  void sigmoidVanishesInTheTails() {
    GradientStats s = of("sigmoid");
    assertEquals(0.25, s.maxAbsGrad(), 1e-12);
    // σ'(x) = 0.01 where σ = (1 + √0.96)/2, i.e. |x| = ln(σ/(1−σ)) = 4.5849: 2·(5 − 4.5849)/10 of [−5, 5]
    assertEquals(0.0830, s.vanishingFraction(), 0.002);
    assertEquals(0.5, s.gaussianMean(), 1e-12);
  }

  @Test
  void badRangesAreRejected() {
    Activation a = Catalog.activation("relu");
    assertThrows(IllegalArgumentException.class, () -> GradientAnalysis.analyze(a, new double[0], 1, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> GradientAnalysis.analyze(a, new double[0], 0, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> GradientAnalysis.analyze(a, new double[0], Double.NEGATIVE_INFINITY, 1, 10));
  }
}
