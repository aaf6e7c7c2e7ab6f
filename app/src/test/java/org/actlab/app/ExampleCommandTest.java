package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.actlab.app.examples.Example;
import org.actlab.app.examples.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** example: the list, every example in quick mode (text and JSON), charts, and unknown names. */
class ExampleCommandTest {

  @TempDir
  Path dir;

  static Stream<String> names() {
    return Examples.all().stream().map(Example::name);
  }

  @Test
  void listShowsEveryExampleOnce() {
    Cli.Result r = Cli.run("example", "--list");
    assertEquals(0, r.exit(), r::toString);
    assertEquals(9, Examples.all().size());
    assertEquals(1 + Examples.all().size(), r.lines().size(), r.out());
    names().forEach(n -> assertTrue(r.out().contains("\n" + n + " "), n));
  }

  @ParameterizedTest
  @MethodSource("names")
  void runsQuicklyWithResultsInJson(String name) throws Exception {
    Cli.Result r = Cli.run("example", name, "--quick", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(name, root.get("example").asText());
    assertTrue(root.get("results").size() >= 1, r.out());
  }

  @Test
  void textModeExplainsAndWritesCharts() throws Exception {
    Cli.Result r = Cli.run("example", "attention", "--quick", "-o", dir.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("softmax") && r.out().contains("xavier_normal"), r.out());
    assertTrue(Files.size(dir.resolve("attention-heatmap.png")) > 1000);
    JsonNode j = new ObjectMapper().readTree(Cli.run("example", "adaptive-sincos", "--quick", "--json").out());
    assertTrue(j.get("results").get("learned").size() == 4, j.toString());
  }

  @Test
  void unknownOrMissingExampleExitsTwo() {
    Cli.Result r = Cli.run("example", "nosuch");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("unknown example 'nosuch'") && r.err().contains("attention"), r.err());
    assertEquals(2, Cli.run("example").exit());
  }
}
