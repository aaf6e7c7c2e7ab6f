package org.actlab.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.nn.train.EpochMetrics;
import org.actlab.nn.train.Evaluation;
import org.actlab.nn.train.TrainingListener;

/**
 * What {@code actlab train} prints: a line per epoch as it ends (text mode) and a final summary, or one JSON
 * object at the end ({@code --json}). Accuracy is "-" in text and null in JSON for regression.
 */
final class TrainReport implements TrainingListener {

  private final PrintWriter out;
  private final boolean json;
  private final List<EpochMetrics> epochs = new ArrayList<>();
  private boolean header;

  TrainReport(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  /** Lines about the run before training (text mode only). */
  void intro(List<String> lines) {
    if (!json) {
      lines.forEach(out::println);
      out.flush();
    }
  }

  @Override
  public void onEpoch(EpochMetrics m) {
    epochs.add(m);
    if (json) {
      return;
    }
    if (!header) {
      out.println("epoch  train_loss   test_loss  test_acc   seconds");
      header = true;
    }
    out.println(String.format(Locale.ROOT, "%5d  %10.6f  %10.6f  %8s  %8.2f", m.epoch(), m.trainLoss(),
        m.testLoss(), accuracy(m.testAccuracy()), m.seconds()));
    out.flush();
  }

  /** The summary line, or the JSON object with the config, per-epoch history and final evaluation. */
  void finish(Evaluation last, int epochsDone, Map<String, String> config, long parameters) {
    double total = epochs.stream().mapToDouble(EpochMetrics::seconds).sum();
    if (!json) {
      out.println(String.format(Locale.ROOT, "final: test loss %.6f, test accuracy %s after %d epochs (%.1f s "
          + "in this run)", last.loss(), accuracy(last.accuracy()), epochsDone, total));
      out.flush();
      return;
    }
    ObjectNode o = Json.MAPPER.createObjectNode();
    number(o, "test_accuracy", last.accuracy());
    number(o, "test_loss", last.loss());
    o.put("epochs", epochsDone);
    ArrayNode secs = o.putArray("epoch_seconds");
    ArrayNode history = Json.MAPPER.createArrayNode();
    for (EpochMetrics m : epochs) {
      secs.add(m.seconds());
      ObjectNode h = history.addObject();
      h.put("epoch", m.epoch());
      number(h, "train_loss", m.trainLoss());
      number(h, "test_loss", m.testLoss());
      number(h, "test_accuracy", m.testAccuracy());
      h.put("seconds", m.seconds());
      h.put("learning_rate", m.learningRate());
    }
    o.set("history", history);
    o.put("parameters", parameters);
    ObjectNode c = o.putObject("config");
    config.forEach(c::put);
    Json.print(out, o);
    out.flush();
  }

  private static String accuracy(double a) {
    return Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.4f", a);
  }

  /** JSON has no NaN: a regression accuracy (NaN) is null, a diverged loss the string "nan"/"inf". */
  private static void number(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) && key.endsWith("accuracy")) {
      o.putNull(key);
    } else {
      Json.number(o, key, v);
    }
  }
}
