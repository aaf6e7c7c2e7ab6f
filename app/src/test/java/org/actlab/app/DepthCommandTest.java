package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze depth: the JSON shape the issue asks for, the table, the chart, and bad input. */
class DepthCommandTest {

  @TempDir
  Path dir;

  @Test
  void jsonHasOneObjectPerLayerWithTheRequiredKeys() throws Exception {
    Cli.Result r = Cli.run("analyze", "depth", "--act", "selu", "--init", "lecun_normal", "--depth", "6",
        "--width", "64", "--batch", "128", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode layers = new ObjectMapper().readTree(r.out()).get("layers");
    assertEquals(6, layers.size());
    for (String key : new String[] {"layer", "mean", "std", "dead_fraction", "saturated_fraction", "grad_norm"}) {
      assertTrue(layers.get(5).has(key), key);
    }
    assertEquals(1.0, layers.get(5).get("std").asDouble(), 0.2); // selu's fixed point
  }

  @Test
  void tableAndChart() throws Exception {
    Path png = dir.resolve("d.png");
    Cli.Result r = Cli.run("analyze", "depth", "--act", "sigmoid", "--init", "xavier_normal", "--depth", "4",
        "--width", "32", "--batch", "64", "-o", png.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(2 + 4 + 1, r.lines().size(), r.out());
    assertTrue(Files.size(png) > 1000);
  }

  @Test
  void badInputExitsTwo() {
    for (String[] args : new String[][] {{"analyze", "depth", "--act", "softmax"}, {"analyze", "depth", "--act",
        "relu", "--init", "nosuch"}, {"analyze", "depth", "--act", "relu", "--depth", "0"}, {"analyze", "depth",
        "--act", "relu", "-o", "x.gif"}, {"analyze", "depth"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exit(), r::toString);
      assertTrue(!r.err().contains("\tat "), r::toString);
    }
  }
}
