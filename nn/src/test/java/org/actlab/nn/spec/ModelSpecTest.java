package org.actlab.nn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {

  private static String kinds(List<LayerSpec> l) {
    return String.join(",", l.stream().map(s -> s.kind() + s.args() + (s.body().isEmpty() ? "" : "(" + kinds(s.body())
        + ")")).toList());
  }

  @Test
  void parsesTheDocumentedExamples() {
    assertEquals("dense[256],dense[256]", kinds(ModelSpec.parse("dense:256,dense:256")));
    assertEquals("conv[16, 3, 1, 1],pool[max, 2],flatten[],dense[64]",
        kinds(ModelSpec.parse("conv:16:3:1:1,pool:max:2,flatten,dense:64")));
    assertEquals("bn[],dropout[0.2],alphadropout[0.1],rnn[64],attention[32],act[]",
        kinds(ModelSpec.parse(" bn , dropout:0.2,alphadropout:0.1,rnn:64,attention:32,act")));
    assertEquals("dense[64],residual[](dense[64],residual[](dense[64, tanh]))",
        kinds(ModelSpec.parse("dense:64,residual(dense:64,residual(dense:64:tanh))")));
    assertEquals("rnn[8, seq],pool[avg, 2, 1],dense[10, selu]",
        kinds(ModelSpec.parse("rnn:8:seq,pool:avg:2:1,Dense:10:selu")));
    assertEquals(List.of(), ModelSpec.parse("  "));
    LayerSpec d = ModelSpec.parse("dropout:0.25").getFirst();
    assertEquals(0.25, d.real(0, 0));
    assertEquals("dropout:0.25", d.token());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dense:256,dens:64 | at 'dens:64': unknown layer kind 'dens'; valid kinds: dense, conv",
      "dense:0 | UNITS must be a positive integer, got '0' (usage: dense:UNITS[:ACT])",
      "dense:abc | UNITS must be a positive integer, got 'abc'",
      "dense | at 'dense': too few arguments; usage: dense:UNITS[:ACT]",
      "dense:3:relu:x | too many arguments",
      "dense:8:ReLU! | ACT must be an activation id",
      "dropout:1 | P must be a probability in [0, 1), got '1'",
      "dropout:-0.1 | P must be a probability",
      "pool:min:2 | TYPE must be max or avg, got 'min'",
      "conv:16 | too few arguments; usage: conv:FILTERS:KERNEL[:STRIDE[:PAD]]",
      "conv:16:3:1:-1 | PAD must be an integer ≥ 0",
      "rnn:4:all | seq must be the word seq",
      "dense:4,,dense:4 | empty layer at position 2",
      "dense:4, | empty layer at position 2",
      "residual(dense:4 | missing ')'",
      "dense:4) | unbalanced ')'",
      "residual() | residual needs at least one layer",
      "dense(4) | only residual(SPEC) takes parentheses",
      "residual | write residual(SPEC)",
      "flatten:2 | at 'flatten:2': too many arguments; usage: flatten",
  })
  void badSpecsNameTheTokenAndTheProblem(String spec, String expected) {
    SpecException e = assertThrows(SpecException.class, () -> ModelSpec.parse(spec));
    assertTrue(e.getMessage().startsWith("bad model spec '" + spec + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(expected.strip()), e.getMessage());
  }
}
