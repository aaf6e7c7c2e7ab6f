package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on a tiny configuration: the table, the JSON keys, the report, and bad input. */
class CompareCommandTest {

  private static final String[] TINY = {"compare", "--data", "xor", "--data-opt", "n=200", "--acts",
      "relu,leaky_relu", "--model", "dense:4", "--epochs", "1", "--batch", "32"};

  @TempDir
  Path dir;

  private static String[] with(String... extra) {
    String[] a = java.util.Arrays.copyOf(TINY, TINY.length + extra.length);
    System.arraycopy(extra, 0, a, TINY.length, extra.length);
    return a;
  }

  @Test
  void tablePrintsOneRowPerActivationAndWritesTheReport() throws Exception {
    Path report = dir.resolve("rep");
    Files.createDirectories(report);
    Files.writeString(report.resolve("notes.txt"), "mine");
    Files.writeString(report.resolve("index.html"), "old");
    Cli.Result r = Cli.run(with("--seeds", "2", "--report", report.toString()));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.lines().get(1).startsWith("activation  test acc (mean ± std)"), r.out());
    assertTrue(r.lines().get(2).startsWith("relu "), r.out());
    assertTrue(r.lines().get(3).startsWith("leaky_relu "), r.out());
    assertTrue(r.lines().get(2).matches(".*0\\.\\d{4} ± 0\\.\\d{4}.*%.*"), r.out());
    assertTrue(r.out().contains("wrote " + report.resolve("index.html")), r.out());
    assertEquals("mine", Files.readString(report.resolve("notes.txt")), "other files are kept");
    String html = Files.readString(report.resolve("index.html"));
    ReportCommandTest.assertSelfContained(html);
    assertTrue(html.contains("leaky_relu") && html.contains("How much gradient"), "comparison + gradients");
    assertTrue(r.err().isEmpty(), "no progress when stderr is not a terminal: " + r.err());
  }

  @Test
  void jsonHasTheRequiredKeysPerActivationAndTheConfig() throws Exception {
    Cli.Result r = Cli.run(with("--seeds", "2", "--seed", "5", "--json", "--no-report", "-p",
        "leaky_relu.negative_slope=0.2"));
    assertEquals(0, r.exit(), r::toString);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(5, root.get("config").get("seed").asInt());
    assertEquals(0.2, root.get("config").get("params").get("leaky_relu").get("negative_slope").asDouble());
    JsonNode acts = root.get("activations");
    assertEquals(2, acts.size());
    for (JsonNode a : acts) {
      for (String k : new String[] {"activation", "test_accuracy_mean", "test_accuracy_std", "epoch_seconds_mean",
          "final_loss_mean", "dead_fraction_mean", "grad_ratio_mean", "curves", "runs"}) {
        assertTrue(a.has(k), k);
      }
      assertEquals(2, a.get("runs").size());
      assertEquals(5, a.get("runs").get(0).get("seed").asInt());
      assertEquals(6, a.get("runs").get(1).get("seed").asInt());
      double mean = (a.get("runs").get(0).get("test_accuracy").asDouble()
          + a.get("runs").get(1).get("test_accuracy").asDouble()) / 2;
      assertEquals(mean, a.get("test_accuracy_mean").asDouble(), 1e-12);
      assertEquals(1, a.get("curves").get("test_loss").size());
    }
  }

  @Test
  void badInputExitsTwoWithAClearMessage() {
    String[][] cases = {{"--acts", "relu,nosuch"}, {"--seeds", "0"}, {"--data", "nosuch"}, {"--epochs", "0"},
        {"--acts", "relu,relu"}, {"--acts", "softmax"}, {"--report", "x", "--no-report"}, {"--model", "dense:"}};
    String[] expected = {"nosuch", "--seeds", "nosuch", "--epochs", "twice", "row function", "contradict", ""};
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 2];
      args[0] = "compare";
      args[1] = "--no-report";
      System.arraycopy(cases[i], 0, args, 2, cases[i].length);
      if (i == cases.length - 2) {
        args[1] = "--json"; // --no-report is part of the case itself
      }
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().startsWith("actlab: ") && r.err().contains(expected[i]), r::toString);
      assertFalse(r.err().contains("\tat "), r::toString);
    }
  }
}
