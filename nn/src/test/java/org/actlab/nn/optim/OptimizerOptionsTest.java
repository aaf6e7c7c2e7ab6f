package org.actlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.actlab.nn.Optimizer;
import org.junit.jupiter.api.Test;

/** Defaults (PyTorch's), validation messages and the CLI factory. */
class OptimizerOptionsTest {

  @Test
  void defaultsArePyTorchs() {
    assertEquals("sgd(lr=0.001, weight_decay=0)", new Sgd().describe());
    assertEquals("momentum(lr=0.001, momentum=0.9, dampening=0, weight_decay=0)", new Momentum().describe());
    assertEquals("nesterov(lr=0.001, momentum=0.9, weight_decay=0, nesterov=True)", new Nesterov().describe());
    assertEquals("adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10)",
        new Adagrad().describe());
    assertEquals("rmsprop(lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0, centered=False)",
        new RmsProp().describe());
    assertEquals("adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)", new Adam().describe());
    assertEquals("adamw(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01)", new AdamW().describe());
  }

  @Test
  void factoryAcceptsSpellingsAndOptions() {
    Optimizer o = Optimizers.create("AdamW", Map.of("lr", 3e-4, "beta2", 0.98));
    assertEquals("adamw(lr=0.0003, betas=(0.9, 0.98), eps=1e-08, weight_decay=0.01)", o.describe());
    assertEquals(0.01, Optimizers.create("rms-prop", Map.of()).learningRate());
    assertEquals(Adam.DEFAULTS, Optimizers.defaults("adam"));
  }

  @Test
  void unknownNameListsValidNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create("adma", Map.of()));
    assertEquals("unknown optimizer 'adma'; valid names are sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw",
        e.getMessage());
  }

  @Test
  void unknownOptionListsTheOptimizersOptions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Optimizers.create("sgd", Map.of("momentum", 0.9)));
    assertEquals("sgd has no option 'momentum'; its options are lr, weight_decay", e.getMessage());
  }

  @Test
  void outOfRangeValuesAreRefusedWithTheirRange() {
    assertMessage("adam: lr must be a finite number > 0 (got 0.0)", "adam", Map.of("lr", 0.0));
    assertMessage("sgd: lr must be a finite number > 0 (got -1.0)", "sgd", Map.of("lr", -1.0));
    assertMessage("sgd: lr must be a finite number > 0 (got NaN)", "sgd", Map.of("lr", Double.NaN));
    assertMessage("adam: beta1 must be in [0, 1) (got 1.0); a value of 1 or more never forgets and diverges", "adam",
        Map.of("beta1", 1.0));
    assertMessage("adamw: beta2 must be in [0, 1) (got -0.1); a value of 1 or more never forgets and diverges",
        "adamw", Map.of("beta2", -0.1));
    assertMessage("adam: eps must be a finite number > 0 (got 0.0)", "adam", Map.of("eps", 0.0));
    assertMessage("rmsprop: alpha must be in [0, 1) (got 1.5); a value of 1 or more never forgets and diverges",
        "rmsprop", Map.of("alpha", 1.5));
    assertMessage("adagrad: weight_decay must be a finite number >= 0 (got -0.1)", "adagrad",
        Map.of("weight_decay", -0.1));
    assertMessage("adam: amsgrad is a switch, give 0 (off) or 1 (on) (got 0.5)", "adam", Map.of("amsgrad", 0.5));
    assertMessage("momentum: dampening must be in [0, 1] (got 2.0)", "momentum", Map.of("dampening", 2.0));
    assertTrue(message("nesterov", Map.of("momentum", 0.0)).startsWith("nesterov: momentum must be > 0"));
  }

  @Test
  void setLearningRateAcceptsZeroButNotNegative() {
    Optimizer o = new Adam();
    o.setLearningRate(0);
    assertEquals(0, o.learningRate());
    assertThrows(IllegalArgumentException.class, () -> o.setLearningRate(-1e-3));
    assertThrows(IllegalArgumentException.class, () -> o.setLearningRate(Double.POSITIVE_INFINITY));
  }

  private static void assertMessage(String expected, String name, Map<String, Double> opts) {
    assertEquals(expected, message(name, opts));
  }

  private static String message(String name, Map<String, Double> opts) {
    return assertThrows(IllegalArgumentException.class, () -> Optimizers.create(name, opts)).getMessage();
  }
}
