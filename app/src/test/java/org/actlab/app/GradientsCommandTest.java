package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** analyze gradients: table and JSON, with values that have closed forms. */
class GradientsCommandTest {

  @Test
  void jsonHasTheClosedFormsForRelu() throws Exception {
    Cli.Result r = Cli.run("analyze", "gradients", "relu", "sigmoid", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode a = new ObjectMapper().readTree(r.out());
    assertEquals(2, a.size());
    JsonNode relu = a.get(0);
    assertEquals("relu", relu.get("function").asText());
    assertEquals(0.5, relu.get("variance_gain").asDouble(), 1e-7);
    assertEquals(0.5, relu.get("gradient_gain").asDouble(), 1e-7);
    assertEquals(1.0, relu.get("max_abs_grad").asDouble());
    assertEquals(0.25, a.get(1).get("max_abs_grad").asDouble(), 1e-12);
    assertEquals(0.5, a.get(1).get("gaussian_mean").asDouble(), 1e-9);
  }

  @Test
  void tableHasOneRowPerFunction() {
    Cli.Result r = Cli.run("analyze", "gradients", "tanh,selu", "--range", "-3:3");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("over [-3.0, 3.0]"), r.out());
    assertEquals(4, r.lines().size(), r.out());
    assertTrue(r.lines().get(2).startsWith("tanh"), r.out());
  }

  @Test
  void badInputExitsTwo() {
    for (String[] args : new String[][] {{"analyze", "gradients", "softmax"}, {"analyze", "gradients", "relu",
        "--range", "a:b"}, {"analyze", "gradients", "relu", "--points", "1"}, {"analyze", "nothing"},
        {"analyze"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exit(), r::toString);
    }
  }
}
