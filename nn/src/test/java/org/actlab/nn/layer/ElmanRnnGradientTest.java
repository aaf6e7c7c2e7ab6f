package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation through time checked by finite differences for every activation variant and output mode. */
class ElmanRnnGradientTest {

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    List<Named<Supplier<RecurrentActivation>>> variants = List.of(
        Named.of("tanh", () -> RecurrentActivation.of("tanh")),
        Named.of("hardtanh", () -> RecurrentActivation.of("hardtanh")),
        Named.of("softsign", () -> RecurrentActivation.of("softsign")),
        Named.of("time_aware_tanh", () -> new TimeAwareTanh(0.3)),
        Named.of("gated_tanh", GatedTanh::new));
    long seed = 4100;
    for (Named<Supplier<RecurrentActivation>> v : variants) {
      for (boolean seq : new boolean[] {false, true}) {
        for (int steps : new int[] {1, 3, 5}) {
          out.add(Arguments.of(v, seq, steps, seed++));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} sequences={1} T={2} seed={3}")
  @MethodSource("cases")
  void backpropagationThroughTimeMatchesFiniteDifferences(Supplier<RecurrentActivation> act, boolean seq,
                                                          int steps, long seed) {
    boolean kinked = act.get().describe().startsWith("hardtanh");
    // hardtanh: weights large enough that some pre-activations pass ±1, so both pieces are exercised
    ElmanRnn rnn = new ElmanRnn(3, 4, act.get(), seq, SeqFixtures.uniform(kinked ? 1.2 : 0.7));
    rnn.initialize(new SplittableRandom(seed));
    rnn.parameters().get(2).value().data()[1] = 0.3f; // a non-zero bias entry
    Tensor x = SeqFixtures.random(seed + 1, 1.0, 2, steps, 3);
    // hardtanh: a smaller step, so that no later pre-activation crosses ±1 inside a difference (with 1e-2 and
    // T = 5 one crossing spoils every upstream coordinate at once)
    GradCheck.Report r = GradCheck.seed(seed).step(kinked ? 1e-3 : 1e-2).layer(rnn, x);
    int params = 4 * 3 + 4 * 4 + 4;
    assertEquals(x.size() + params, r.checked(), "coordinates checked, seed " + seed);
    if (kinked && steps == 5) {
      assertTrue(saturates(rnn, x), "hardtanh case never saturated: not testing the flat pieces, seed " + seed);
    }
  }

  private static boolean saturates(ElmanRnn rnn, Tensor x) {
    ElmanRnn all = new ElmanRnn(3, 4, RecurrentActivation.of("hardtanh"), true, SeqFixtures.uniform(1));
    for (int i = 0; i < 3; i++) {
      System.arraycopy(rnn.parameters().get(i).value().data(), 0, all.parameters().get(i).value().data(), 0,
          rnn.parameters().get(i).size());
    }
    for (float v : all.forward(x, Mode.EVAL).data()) {
      if (Math.abs(v) == 1f) {
        return true;
      }
    }
    return false;
  }
}
