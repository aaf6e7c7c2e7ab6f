package org.actlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** State lifecycle of every optimizer: lazy creation, export/import round trip, reset, refusal of foreign state. */
class OptimizerLifecycleTest {

  private static final long SEED = 20261122L;

  /** Every optimizer, including the variants that add state slots. */
  static List<Arguments> configs() {
    List<Arguments> out = new ArrayList<>();
    for (String n : Optimizers.names()) {
      out.add(Arguments.of(n, Map.of("lr", 0.05)));
    }
    out.add(Arguments.of("rmsprop", Map.of("lr", 0.01, "momentum", 0.5, "centered", 1.0, "weight_decay", 0.1)));
    out.add(Arguments.of("adam", Map.of("amsgrad", 1.0, "weight_decay", 0.1)));
    out.add(Arguments.of("adagrad", Map.of("lr_decay", 0.1, "initial_accumulator_value", 0.1)));
    out.add(Arguments.of("momentum", Map.of("dampening", 0.3, "weight_decay", 0.01)));
    return out;
  }

  private static List<Parameter> params(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Parameter> ps = List.of(new Parameter("0.dense.weight", 3, 2), new Parameter("0.dense.bias", 3));
    for (Parameter p : ps) {
      for (int i = 0; i < p.size(); i++) {
        p.value().data()[i] = (float) r.nextGaussian();
      }
    }
    return ps;
  }

  private static void randomGrads(List<Parameter> ps, SplittableRandom r) {
    for (Parameter p : ps) {
      for (int i = 0; i < p.size(); i++) {
        p.grad().data()[i] = (float) r.nextGaussian();
      }
    }
  }

  private static List<Parameter> copy(List<Parameter> ps) {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : ps) {
      Parameter q = new Parameter(p.name(), p.value().shape());
      System.arraycopy(p.value().data(), 0, q.value().data(), 0, p.size());
      System.arraycopy(p.grad().data(), 0, q.grad().data(), 0, p.size());
      out.add(q);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configs")
  void stateRoundTripGivesAnIdenticalNextStep(String name, Map<String, Double> opts) {
    String why = name + " " + opts + " seed " + SEED;
    SplittableRandom r = new SplittableRandom(SEED);
    List<Parameter> ps = params(SEED);
    Optimizer a = Optimizers.create(name, opts);
    for (int t = 0; t < 3; t++) {
      randomGrads(ps, r);
      a.step(ps);
    }
    Map<String, Tensor> saved = a.state();
    Optimizer b = Optimizers.create(name, opts);
    b.loadState(saved);
    randomGrads(ps, r);
    List<Parameter> qs = copy(ps);
    a.step(ps);
    b.step(qs);
    for (int i = 0; i < ps.size(); i++) {
      assertArrayEquals(ps.get(i).value().data(), qs.get(i).value().data(), why);
    }
    assertEquals(keys(a.state()), keys(b.state()), why);
    a.state().forEach((k, v) -> assertArrayEquals(v.data(), b.state().get(k).data(), why + " " + k));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("configs")
  void stateIsLazyCopiedAndForgottenByReset(String name, Map<String, Double> opts) {
    String why = name + " " + opts + " seed " + SEED;
    Optimizer a = Optimizers.create(name, opts);
    assertTrue(a.state().isEmpty(), why);
    SplittableRandom r = new SplittableRandom(SEED);
    List<Parameter> ps = params(SEED);
    randomGrads(ps, r);
    List<Parameter> firstInput = copy(ps);
    a.step(ps);
    List<Parameter> firstOutput = copy(ps);
    Map<String, Tensor> s = a.state();
    for (String k : s.keySet()) {
      assertTrue(k.startsWith("0.dense.weight/") || k.startsWith("0.dense.bias/"), why + " key " + k);
      s.get(k).fill(1234f); // a copy: must not change the optimizer
    }
    assertNotEquals(1234f, a.state().isEmpty() ? 0f : a.state().values().iterator().next().data()[0], why);
    randomGrads(ps, r);
    a.step(ps);
    a.reset();
    assertTrue(a.state().isEmpty(), why);
    a.step(firstInput);
    for (int i = 0; i < ps.size(); i++) {
      assertArrayEquals(firstOutput.get(i).value().data(), firstInput.get(i).value().data(), why + " after reset");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void statefulOptimizersRefuseForeignState(String name, Map<String, Double> opts) {
    Optimizer a = Optimizers.create(name, opts);
    Map<String, Tensor> foreign = new HashMap<>();
    foreign.put("w/not_a_slot", new Tensor(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.loadState(foreign));
    assertTrue(e.getMessage().contains("w/not_a_slot"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void incompleteStateIsRefused(String name, Map<String, Double> opts) {
    Optimizer a = Optimizers.create(name, opts);
    List<Parameter> ps = params(SEED);
    randomGrads(ps, new SplittableRandom(SEED));
    a.step(ps);
    Map<String, Tensor> s = new HashMap<>(a.state());
    // drop one entry of the weight's state; with a single entry per parameter, dropping it leaves a valid state
    // (that parameter simply has none yet), so only optimizers with two or more entries can be incomplete
    List<String> weightKeys = s.keySet().stream().filter(k -> k.startsWith("0.dense.weight/")).sorted().toList();
    if (weightKeys.size() < 2) {
      assertTrue(name.equals("sgd") || name.equals("momentum") || name.equals("nesterov")
          || name.equals("rmsprop") && weightKeys.size() == 1, name + " " + weightKeys);
      return;
    }
    for (String drop : weightKeys) {
      Map<String, Tensor> partial = new HashMap<>(s);
      partial.remove(drop);
      assertThrows(IllegalArgumentException.class, () -> a.loadState(partial), name + " without " + drop);
    }
  }

  @Test
  void stateKeysUsePyTorchSlotNames() {
    Optimizer adam = new Adam();
    Parameter p = new Parameter("w", 2);
    adam.step(List.of(p));
    assertEquals(new TreeSet<>(List.of("w/exp_avg", "w/exp_avg_sq", "w/step")), keys(adam.state()));
    assertEquals(1f, adam.state().get("w/step").data()[0]);
    Optimizer m = new Momentum();
    m.step(List.of(p));
    assertEquals(new TreeSet<>(List.of("w/momentum_buffer")), keys(m.state()));
  }

  @Test
  void adamStateLoadedIntoMomentumIsRefused() {
    Optimizer adam = new Adam();
    adam.step(List.of(new Parameter("w", 2)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Momentum().loadState(adam.state()));
    assertTrue(e.getMessage().contains("momentum_buffer"), e.getMessage());
  }

  @Test
  void stateOfAnotherShapeIsRefusedAtTheNextStep() {
    Optimizer adam = new Adam();
    adam.step(List.of(new Parameter("w", 2)));
    Optimizer b = new Adam();
    b.loadState(adam.state());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.step(List.of(new Parameter("w", 3))));
    assertTrue(e.getMessage().contains("w/exp_avg"), e.getMessage());
  }

  @Test
  void duplicateParameterNamesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Adam().step(List.of(new Parameter("w", 2), new Parameter("w", 2))));
  }

  @Test
  void eachParameterCountsItsOwnSteps() {
    Optimizer adam = new Adam();
    Parameter a = new Parameter("a", 1);
    Parameter b = new Parameter("b", 1);
    adam.step(List.of(a));
    adam.step(List.of(a, b));
    assertEquals(2f, adam.state().get("a/step").data()[0]);
    assertEquals(1f, adam.state().get("b/step").data()[0]);
  }

  private static TreeSet<String> keys(Map<String, Tensor> m) {
    return new TreeSet<>(m.keySet());
  }
}
