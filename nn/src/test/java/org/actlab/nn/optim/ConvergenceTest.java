package org.actlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer reaches the minimum c of f(p) = Σ a_i (p_i − c_i)² (condition number 20) from p = 0.
 * The adaptive methods take steps of about lr whatever the gradient's size, so they settle into a neighbourhood
 * of size ~lr; cosine annealing to a tiny rate, as in practice, brings them to the minimum.
 */
class ConvergenceTest {

  private static final double[] A = {0.25, 1, 5};
  private static final double[] C = {1, -2, 3};

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("sgd", Map.of("lr", 0.05), 1000, false),
        Arguments.of("momentum", Map.of("lr", 0.02), 1000, false),
        Arguments.of("nesterov", Map.of("lr", 0.02), 1000, false),
        Arguments.of("adagrad", Map.of("lr", 1.0), 2000, false),
        Arguments.of("rmsprop", Map.of("lr", 0.01), 3000, true),
        Arguments.of("adam", Map.of("lr", 0.05), 3000, true),
        Arguments.of("adamw", Map.of("lr", 0.05, "weight_decay", 0.0), 3000, true));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runs")
  void reachesTheMinimum(String name, Map<String, Double> opts, int steps, boolean anneal) {
    Optimizer opt = Optimizers.create(name, opts);
    Parameter p = new Parameter("p", 3);
    LrSchedule schedule = anneal ? new CosineLr(steps, 1e-6) : LrSchedule.constant();
    double base = opt.learningRate();
    for (int t = 0; t < steps; t++) {
      schedule.apply(opt, base, t); // one "epoch" per step here
      float[] w = p.value().data();
      for (int i = 0; i < 3; i++) {
        p.grad().data()[i] = (float) (2 * A[i] * (w[i] - C[i]));
      }
      opt.step(List.of(p));
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(C[i], p.value().data()[i], 1e-3, name + " coordinate " + i + " after " + steps + " steps");
    }
  }

  @Test
  void decoupledAndL2DecayHaveDifferentFixedPoints() {
    // f = 0.01(p − 3)², so g = 0.02(p − 3) < 0 below 3 and Adam's ratio m̂/√v̂ tends to −1 as g settles.
    // AdamW: p ← p(1 − lr·wd) + lr ⇒ p* = 1/wd = 2.  Adam (L2): g + wd·p = 0 ⇒ p* = 0.06/0.52.
    // beta2 = 0.99 so that √v̂ forgets the larger gradients of the start (with 0.999 the ratio is still 0.93).
    assertEquals(2.0, settle(new AdamW(Map.of("lr", 0.05, "beta2", 0.99, "weight_decay", 0.5))), 1e-3);
    assertEquals(0.06 / 0.52, settle(new Adam(Map.of("lr", 0.05, "beta2", 0.99, "weight_decay", 0.5))), 1e-3);
  }

  private static double settle(Optimizer opt) {
    Parameter p = new Parameter("p", 1);
    LrSchedule schedule = new CosineLr(4000, 0.001);
    for (int t = 0; t < 4000; t++) {
      schedule.apply(opt, 0.05, t);
      p.grad().data()[0] = (float) (0.02 * (p.value().data()[0] - 3));
      opt.step(List.of(p));
    }
    return p.value().data()[0];
  }
}
