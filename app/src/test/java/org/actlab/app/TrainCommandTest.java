package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code actlab train} in-process on tiny synthetic sets. */
class TrainCommandTest {

  private static final String[] BASE = {"train", "--data", "xor", "--data-opt", "n=200", "--model", "dense:8",
      "--act", "tanh", "--init", "xavier_uniform", "--opt", "sgd", "--lr", "0.1", "--batch", "16"};

  @TempDir
  Path dir;

  /** BASE with options of {@code extra} replacing BASE's own values, plus the rest of {@code extra}. */
  private static Cli.Result train(String... extra) {
    List<String> args = new ArrayList<>(Arrays.asList(BASE));
    List<String> flags = List.of("--json", "--eval-only", "--progress", "--overwrite");
    for (int i = 0; i < extra.length; i++) {
      int at = args.indexOf(extra[i]);
      boolean valued = !flags.contains(extra[i]) && i + 1 < extra.length;
      if (at > 0 && valued && !extra[i].equals("--data-opt") && !extra[i].equals("-p")) {
        args.set(at + 1, extra[++i]);
      } else {
        args.add(extra[i]);
        if (valued) {
          args.add(extra[++i]);
        }
      }
    }
    return Cli.run(args.toArray(String[]::new));
  }

  private static JsonNode json(Cli.Result r) throws Exception {
    assertEquals(0, r.exit(), r::toString);
    return Json.MAPPER.readTree(r.out());
  }

  private static void usageError(Cli.Result r, String message) {
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().startsWith("actlab: ") && r.err().contains(message), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }

  @Test
  void textPrintsOneLinePerEpochAndASummary() {
    Cli.Result r = train("--epochs", "3");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.lines();
    int header = lines.indexOf("epoch  train_loss   test_loss  test_acc   seconds");
    assertTrue(header > 0, r.out());
    for (int e = 1; e <= 3; e++) {
      String[] cells = lines.get(header + e).trim().split("\\s+");
      assertEquals(5, cells.length, lines.get(header + e));
      assertEquals(Integer.toString(e), cells[0]);
      double acc = Double.parseDouble(cells[3]);
      assertTrue(acc >= 0 && acc <= 1);
    }
    assertTrue(lines.get(header + 4).startsWith("final: test loss "), r.out());
    assertTrue(lines.getFirst().startsWith("data xor: "), r.out());
  }

  @Test
  void jsonIsOneObjectWithMetricsAndConfigAndIsDeterministic() throws Exception {
    JsonNode o = json(train("--epochs", "2", "--json", "--seed", "3"));
    assertEquals(2, o.get("epochs").asInt());
    assertEquals(2, o.get("epoch_seconds").size());
    assertEquals(2, o.get("history").size());
    double acc = o.get("test_accuracy").asDouble();
    assertTrue(acc >= 0 && acc <= 1);
    assertEquals(o.get("history").get(1).get("test_loss").asDouble(), o.get("test_loss").asDouble());
    assertEquals("dense:8", o.get("config").get("model").asText());
    assertEquals("n=200", o.get("config").get("data_options").asText());
    assertEquals("3", o.get("config").get("seed").asText());
    assertEquals(2 * 8 + 8 + 8 * 2 + 2, o.get("parameters").asInt());
    JsonNode again = json(train("--epochs", "2", "--json", "--seed", "3"));
    assertEquals(o.get("test_loss"), again.get("test_loss"));
    JsonNode other = json(train("--epochs", "2", "--json", "--seed", "4"));
    assertFalse(o.get("test_loss").equals(other.get("test_loss")));
  }

  @Test
  void regressionHasNullAccuracy() throws Exception {
    JsonNode o = json(Cli.run("train", "--data", "sincos", "--data-opt", "n=100", "--model", "dense:4", "--init",
        "xavier_uniform", "--opt", "sgd", "--lr", "0.01", "--epochs", "1", "--json"));
    assertTrue(o.get("test_accuracy").isNull());
    assertTrue(o.get("test_loss").isNumber());
    assertEquals("tanh", o.get("config").get("act").asText());
  }

  @Test
  void saveResumeAndEvaluate() throws Exception {
    Path f = dir.resolve("run.ckpt");
    JsonNode straight = json(train("--epochs", "4", "--json"));
    JsonNode half = json(train("--epochs", "2", "--json", "--save", f.toString()));
    assertTrue(Files.exists(f));
    JsonNode evalHalf = json(Cli.run("train", "--load", f.toString(), "--eval-only", "--json"));
    assertEquals(half.get("test_loss"), evalHalf.get("test_loss"));
    assertEquals(2, evalHalf.get("epochs").asInt());
    JsonNode resumed = json(Cli.run("train", "--load", f.toString(), "--epochs", "4", "--json"));
    assertEquals(straight.get("test_loss"), resumed.get("test_loss"));
    assertEquals(2, resumed.get("epoch_seconds").size());
    usageError(Cli.run("train", "--load", f.toString(), "--model", "dense:9", "--eval-only"),
        "--model 'dense:9' differs from the checkpoint's 'dense:8'");
    usageError(train("--epochs", "1", "--save", f.toString()), "already exists; choose another --save file or add "
        + "--overwrite");
    assertEquals(0, train("--epochs", "1", "--save", f.toString(), "--overwrite", "--json").exit());
    try (var s = Files.list(dir)) {
      assertEquals(List.of("run.ckpt"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void badInputExitsTwoWithAMessage() throws Exception {
    usageError(train("--model", "dense:8,,dense:4"), "bad model spec 'dense:8,,dense:4': empty layer at position 2");
    usageError(train("--model", "dense:8,conv:3:3"), "layer 'conv:3:3' cannot take input of shape [8]");
    usageError(train("--act", "relux"), "--act relux: unknown function 'relux'");
    usageError(train("-p", "alpha=x"), "parameter alpha: 'x' is not a number");
    usageError(train("--opt", "adamx"), "unknown optimizer 'adamx'");
    usageError(train("--init", "foo"), "unknown initializer 'foo'");
    usageError(Cli.run("train", "--data", "mnist"), "unknown data set 'mnist'");
    usageError(Cli.run("train"), "--data is required");
    usageError(train("--data-opt", "size=3"), "unknown option 'size'");
    usageError(train("--lr", "-1"), "--lr must be a positive number");
    usageError(train("--eval-only"), "--eval-only needs a checkpoint");
    usageError(train("--load", dir.resolve("missing.ckpt").toString()), "no such file");
    Path junk = Files.writeString(dir.resolve("junk.ckpt"), "not a checkpoint at all");
    usageError(train("--load", junk.toString()), "not an ActLab checkpoint");
    Path csv = Files.writeString(dir.resolve("d.csv"), "1,2,0\n3,x,1\n");
    usageError(Cli.run("train", "--data", "csv:" + csv, "--opt", "sgd", "--init", "xavier_uniform"),
        "line 2, column 2");
    usageError(train("--epochs", "two"), "--epochs");
  }

  @Test
  void progressBarRendersOnStandardErrorWhenAsked() {
    Cli.Result r = train("--epochs", "2", "--progress");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().contains("epoch 1"), r.err());
    assertFalse(r.out().contains("epoch 1 "), r.out());
  }
}
