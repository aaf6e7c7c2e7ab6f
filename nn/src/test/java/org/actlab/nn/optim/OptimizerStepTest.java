package org.actlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The first steps of every optimizer against values worked out by hand from PyTorch's documented update rules,
 * on one scalar parameter starting at p0 = 1 with gradients 1, 0.5, −1 (set directly, independent of p).
 * Each expected value is written as the arithmetic of the formula, step by step.
 */
class OptimizerStepTest {

  private static final double TOL = 1e-6; // float32 storage of p and of the state

  /** Steps {@code opt} with the given gradients and checks p after each step. */
  private static void check(Optimizer opt, double[] grads, double... expected) {
    Parameter p = new Parameter("w", 1);
    p.value().data()[0] = 1f;
    for (int t = 0; t < expected.length; t++) {
      p.grad().data()[0] = (float) grads[t];
      opt.step(List.of(p));
      assertEquals(expected[t], p.value().data()[0], TOL, opt.describe() + " after step " + (t + 1));
    }
  }

  private static final double[] G = {1, 0.5, -1};

  @Test
  void sgd() {
    check(new Sgd(0.1), G, 1 - 0.1, 0.9 - 0.05, 0.85 + 0.1);
  }

  @Test
  void sgdWeightDecayIsAddedToTheGradient() {
    // g1 = 1 + 0.1·1 = 1.1 → 0.89; g2 = 0.5 + 0.1·0.89 = 0.589 → 0.89 − 0.0589
    check(new Sgd(Map.of("lr", 0.1, "weight_decay", 0.1)), G, 0.89, 0.8311);
  }

  @Test
  void momentumBufferStartsAsTheGradient() {
    // b1 = 1; b2 = 0.9·1 + 0.5 = 1.4; b3 = 0.9·1.4 − 1 = 0.26
    check(new Momentum(Map.of("lr", 0.1)), G, 1 - 0.1, 0.9 - 0.14, 0.76 - 0.026);
  }

  @Test
  void momentumDampeningSkipsTheFirstStep() {
    // b1 = 1 (copy of g, no dampening); b2 = 0.9 + 0.5·0.5 = 1.15; b3 = 0.9·1.15 − 0.5·1 = 0.535
    check(new Momentum(Map.of("lr", 0.1, "dampening", 0.5)), G, 0.9, 0.9 - 0.115, 0.785 - 0.0535);
  }

  @Test
  void nesterovLooksAhead() {
    // b1 = 1, d1 = 1 + 0.9·1 = 1.9; b2 = 1.4, d2 = 0.5 + 1.26 = 1.76; b3 = 0.26, d3 = −1 + 0.234 = −0.766
    check(new Nesterov(Map.of("lr", 0.1)), G, 1 - 0.19, 0.81 - 0.176, 0.634 + 0.0766);
  }

  @Test
  void adagrad() {
    // sum: 1, 1.25, 2.25
    check(new Adagrad(Map.of("lr", 0.1)), G, 0.9, 0.9 - 0.05 / Math.sqrt(1.25),
        0.9 - 0.05 / Math.sqrt(1.25) + 0.1 / 1.5);
  }

  @Test
  void adagradLrDecayAndInitialAccumulator() {
    // sum0 = 1: sum 2, 2.25; lr_t = 0.1/(1 + (t−1)·0.5): 0.1, 0.1/1.5
    double p1 = 1 - 0.1 / Math.sqrt(2);
    check(new Adagrad(Map.of("lr", 0.1, "lr_decay", 0.5, "initial_accumulator_value", 1.0)), G,
        p1, p1 - (0.1 / 1.5) * 0.5 / 1.5);
  }

  @Test
  void rmsprop() {
    // v1 = 0.01·1 = 0.01; v2 = 0.99·0.01 + 0.01·0.25 = 0.0124; v3 = 0.99·0.0124 + 0.01 = 0.022276
    double p1 = 1 - 0.01 * 1 / (0.1 + 1e-8);
    double p2 = p1 - 0.01 * 0.5 / (Math.sqrt(0.0124) + 1e-8);
    double p3 = p2 + 0.01 * 1 / (Math.sqrt(0.022276) + 1e-8);
    check(new RmsProp(), G, p1, p2, p3);
  }

  @Test
  void rmspropCenteredWithMomentum() {
    // v1 = 0.01, ḡ1 = 0.01, d1 = √(0.01 − 0.0001); b1 = g/d1
    // v2 = 0.0124, ḡ2 = 0.99·0.01 + 0.005 = 0.0149, d2 = √(0.0124 − 0.0149²); b2 = 0.9·b1 + 0.5/d2
    double b1 = 1 / (Math.sqrt(0.0099) + 1e-8);
    double b2 = 0.9 * b1 + 0.5 / (Math.sqrt(0.0124 - 0.0149 * 0.0149) + 1e-8);
    check(new RmsProp(Map.of("momentum", 0.9, "centered", 1.0)), G, 1 - 0.01 * b1, 1 - 0.01 * b1 - 0.01 * b2);
  }

  @Test
  void adamWithBiasCorrection() {
    // m: 0.1, 0.09 + 0.05 = 0.14, 0.126 − 0.1 = 0.026
    // v: 0.001, 0.000999 + 0.00025 = 0.001249, 0.001247751 + 0.001 = 0.002247751
    // p ← p − (lr/(1 − 0.9^t))·m/(√v/√(1 − 0.999^t) + eps), lr = 0.1
    double p1 = 1 - (0.1 / 0.1) * 0.1 / (Math.sqrt(0.001) / Math.sqrt(0.001) + 1e-8);
    double p2 = p1 - (0.1 / 0.19) * 0.14 / (Math.sqrt(0.001249) / Math.sqrt(0.001999) + 1e-8);
    double p3 = p2 - (0.1 / 0.271) * 0.026 / (Math.sqrt(0.002247751) / Math.sqrt(0.002997001) + 1e-8);
    check(new Adam(Map.of("lr", 0.1)), G, p1, p2, p3);
  }

  @Test
  void adamEpsSitsOutsideTheCorrectedRoot() {
    // eps = 0.1: p1 = 1 − 1·0.1/(1 + 0.1)
    check(new Adam(Map.of("lr", 0.1, "eps", 0.1)), G, 1 - 0.1 / 1.1);
  }

  @Test
  void adamL2WeightDecayGoesThroughTheMoments() {
    // g1 = 1 + 0.1 = 1.1: m = 0.11, v = 0.00121 → p1 = 1 − 0.11/(1.1 + eps)
    // g2 = 0.5 + 0.1·p1 = 0.59: m = 0.099 + 0.059 = 0.158, v = 0.00120879 + 0.0003481 = 0.00155689
    double p1 = 1 - 0.11 / (1.1 + 1e-8);
    double p2 = p1 - (0.1 / 0.19) * 0.158 / (Math.sqrt(0.00155689) / Math.sqrt(0.001999) + 1e-8);
    check(new Adam(Map.of("lr", 0.1, "weight_decay", 0.1)), G, p1, p2);
  }

  @Test
  void adamwDecouplesTheDecay() {
    // p ← p·(1 − 0.1·0.1) first, then Adam's step on the raw gradient (same m, v as adamWithBiasCorrection)
    double p1 = 0.99 - 0.1 / (1 + 1e-8);
    double p2 = p1 * 0.99 - (0.1 / 0.19) * 0.14 / (Math.sqrt(0.001249) / Math.sqrt(0.001999) + 1e-8);
    check(new AdamW(Map.of("lr", 0.1, "weight_decay", 0.1)), G, p1, p2);
  }

  @Test
  void amsgradKeepsTheLargestSecondMoment() {
    // g = 1, 0.01: v1 = 0.001, v2 = 0.000999 + 1e-7 = 0.0009991 < v1, so v̂2 = 0.001; m2 = 0.09 + 0.001 = 0.091
    double p1 = 1 - 0.1 / (1 + 1e-8);
    double p2 = p1 - (0.1 / 0.19) * 0.091 / (Math.sqrt(0.001) / Math.sqrt(0.001999) + 1e-8);
    check(new Adam(Map.of("lr", 0.1, "amsgrad", 1.0)), new double[] {1, 0.01}, p1, p2);
  }

  @Test
  void gradientsAreNeverWritten() {
    for (String name : Optimizers.names()) {
      Parameter p = new Parameter("w", 2);
      p.value().data()[0] = 1f;
      p.grad().data()[0] = 0.25f;
      p.grad().data()[1] = -3f;
      Optimizers.create(name, Map.of("weight_decay", 0.5)).step(List.of(p));
      assertEquals(0.25f, p.grad().data()[0], name);
      assertEquals(-3f, p.grad().data()[1], name);
    }
  }
}
