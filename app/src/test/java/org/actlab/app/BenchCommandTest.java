package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code actlab bench} with tiny sizes and a tiny time budget: shapes and errors, never speed. */
class BenchCommandTest {

  @BeforeAll
  static void tinyBudget() {
    System.setProperty("actlab.bench.nanos", "2000000");
  }

  @Test
  void jsonHasCopyAndOneResultPerFunctionSizeAndKernel() throws Exception {
    Cli.Result r = Cli.run("bench", "relu", "gelu", "--sizes", "64,100", "--kernel", "all", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode o = Json.MAPPER.readTree(r.out());
    assertEquals("float32", o.get("dtype").asText());
    assertEquals(Set.of("64", "100"), names(o.get("copy")));
    assertTrue(o.get("copy").get("64").asDouble() > 0);
    JsonNode results = o.get("results");
    assertEquals(8, results.size(), r::toString); // 2 functions × 2 sizes × {simd, scalar}
    Set<String> seen = new HashSet<>();
    for (JsonNode row : results) {
      assertEquals(Set.of("function", "size", "threads", "kernel", "forward", "backward"), names(row));
      assertEquals(1, row.get("threads").asInt());
      assertTrue(row.get("forward").asDouble() > 0 && row.get("backward").asDouble() > 0, row::toString);
      seen.add(row.get("function").asText() + "/" + row.get("size").asInt() + "/" + row.get("kernel").asText());
    }
    assertTrue(seen.containsAll(Set.of("relu/64/simd", "relu/64/scalar", "gelu/100/simd", "gelu/100/scalar")),
        seen::toString);
    assertTrue(o.get("approx") == null);
  }

  @Test
  void float64RunsTheDoubleKernels() throws Exception {
    Cli.Result r = Cli.run("bench", "gelu", "relu", "--sizes", "37", "--dtype", "FLOAT64", "--kernel", "all",
        "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode o = Json.MAPPER.readTree(r.out());
    assertEquals("float64", o.get("dtype").asText());
    assertEquals(4, o.get("results").size(), r::toString);
    for (JsonNode row : o.get("results")) {
      assertTrue(row.get("forward").asDouble() > 0 && row.get("backward").asDouble() > 0, row::toString);
    }
    Cli.Result text = Cli.run("bench", "elu", "--sizes", "64", "--dtype", "float64");
    assertEquals(0, text.exit(), text::toString);
    assertTrue(text.out().startsWith("float64, 1 thread(s)"), text::toString);
  }

  @Test
  void textShowsCopyRooflineAndApproximations() {
    Cli.Result r = Cli.run("bench", "tanh", "--sizes", "256", "--threads", "2", "--approx");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("copy (roofline)"), r::toString);
    // the roofline is sampled before the function and after it
    assertTrue(r.out().matches("(?s).*\\n256 +[0-9.]+ +2 +[0-9.]+-[0-9.]+\\n.*"), r::toString);
    assertTrue(r.out().contains("2 thread(s)"), r::toString);
    assertTrue(r.out().matches("(?s).*\\ntanh +(simd|scalar) +256 .*"), r::toString);
    assertTrue(r.out().contains("tanh~rational") && r.out().contains("sigmoid~int8"), r::toString);
  }

  @Test
  void approxJsonReportsMeasuredErrorWithinTheDocumentedBound() throws Exception {
    Cli.Result r = Cli.run("bench", "sigmoid", "--sizes", "2048", "--approx", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode approx = Json.MAPPER.readTree(r.out()).get("approx");
    assertTrue(approx.size() >= 3);
    for (JsonNode a : approx) {
      assertTrue(a.get("max_abs_error").asDouble() <= a.get("documented_max_abs_error").asDouble(), a::toString);
    }
  }

  @Test
  void badInputExitsTwo() {
    for (String[] args : new String[][] {{"bench", "nope"}, {"bench", "softmax"}, {"bench", "--sizes", "0"},
        {"bench", "--sizes", "x"}, {"bench", "--threads", "0"}, {"bench", "--kernel", "gpu"},
        {"bench", "--dtype", "float16"}, {"bench", "--dtype", "float64", "--approx"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exit(), () -> String.join(" ", args) + ": " + r);
      assertTrue(r.err().startsWith("actlab: "), r::toString);
    }
  }

  @Test
  void helpExitsZero() {
    Cli.Result r = Cli.run("bench", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--threads") && r.out().contains("roofline"), r::toString);
  }

  private static Set<String> names(JsonNode o) {
    Set<String> s = new HashSet<>();
    o.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
