package org.actlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.nn.experiment.ActivationSummary;
import org.actlab.nn.experiment.Comparison;
import org.actlab.nn.experiment.ComparisonResult;
import org.actlab.nn.experiment.RunResult;
import org.actlab.nn.train.EpochMetrics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The views of a comparison: the text table, the JSON object and the per-epoch charts. */
final class CompareOutput {

  static final List<String> HEADER = List.of("activation", "test acc (mean ± std)", "final loss", "epoch s",
      "dead", "grad ratio");

  private CompareOutput() {}

  static List<List<String>> rows(ComparisonResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (ActivationSummary s : r.summaries()) {
      String acc = Double.isNaN(s.testAccuracyMean()) ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f",
          s.testAccuracyMean(), s.testAccuracyStd());
      rows.add(List.of(s.activation(), acc, String.format(Locale.ROOT, "%.4f", s.finalLossMean()),
          String.format(Locale.ROOT, "%.2f", s.epochSecondsMean()),
          String.format(Locale.ROOT, "%.1f%%", 100 * s.deadFractionMean()),
          String.format(Locale.ROOT, "%.3g", s.gradRatioMean())));
    }
    return rows;
  }

  static TextTable table(ComparisonResult r) {
    TextTable t = new TextTable(HEADER.toArray(String[]::new));
    rows(r).forEach(row -> t.add(row.toArray(String[]::new)));
    return t;
  }

  static ObjectNode json(ComparisonResult r) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.set("config", config(r.config()));
    ObjectNode data = root.putObject("data");
    data.put("name", r.dataName());
    data.put("description", r.dataDescription());
    data.put("train", r.trainSize());
    data.put("test", r.testSize());
    ArrayNode acts = root.putArray("activations");
    for (ActivationSummary s : r.summaries()) {
      ObjectNode o = acts.addObject();
      o.put("activation", s.activation());
      accuracy(o, "test_accuracy_mean", s.testAccuracyMean());
      accuracy(o, "test_accuracy_std", s.testAccuracyStd());
      Json.number(o, "final_loss_mean", s.finalLossMean());
      Json.number(o, "epoch_seconds_mean", s.epochSecondsMean());
      Json.number(o, "dead_fraction_mean", s.deadFractionMean());
      Json.number(o, "grad_ratio_mean", s.gradRatioMean());
      ObjectNode curves = o.putObject("curves");
      curves.set("train_loss", Json.numbers(s.trainLossCurve()));
      curves.set("test_loss", Json.numbers(s.testLossCurve()));
      curves.set("test_accuracy", r.classification() ? Json.numbers(s.testAccuracyCurve())
          : Json.MAPPER.nullNode());
      ArrayNode runs = o.putArray("runs");
      s.runs().forEach(run -> runs.add(run(run)));
    }
    return root;
  }

  private static ObjectNode config(Comparison.Config c) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("data", c.data());
    ObjectNode dataOptions = o.putObject("data_options");
    new java.util.TreeMap<>(c.dataOptions()).forEach(dataOptions::put);
    o.put("model", c.model());
    ArrayNode acts = o.putArray("acts");
    c.activations().forEach(acts::add);
    ObjectNode params = o.putObject("params");
    for (String a : c.activations()) {
      ObjectNode p = params.putObject(a);
      c.params().getOrDefault(a, Map.of()).forEach((k, v) -> Json.number(p, k, v));
    }
    o.put("init", c.init());
    o.put("opt", c.opt());
    o.put("lr", c.lr());
    o.put("epochs", c.epochs());
    o.put("batch", c.batch());
    o.put("seed", c.seed());
    o.put("seeds", c.seeds());
    o.put("threads", c.threads());
    return o;
  }

  private static ObjectNode run(RunResult run) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("seed", run.seed());
    accuracy(o, "test_accuracy", run.testAccuracy());
    Json.number(o, "test_loss", run.testLoss());
    Json.number(o, "epoch_seconds_mean", run.meanEpochSeconds());
    Json.number(o, "dead_fraction", run.deadFraction());
    Json.number(o, "grad_ratio", run.gradRatio());
    ArrayNode h = o.putArray("history");
    for (EpochMetrics m : run.history()) {
      ObjectNode e = h.addObject();
      e.put("epoch", m.epoch());
      Json.number(e, "train_loss", m.trainLoss());
      Json.number(e, "test_loss", m.testLoss());
      accuracy(e, "test_accuracy", m.testAccuracy());
      e.put("seconds", m.seconds());
    }
    return o;
  }

  /** Regression has no accuracy: null rather than the string "nan". */
  private static void accuracy(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      Json.number(o, key, v);
    }
  }

  /** Test loss (solid) and train loss (dashed) per epoch, mean over seeds, one colour per activation. */
  static XYChart lossChart(ComparisonResult r) {
    XYChart c = chart("loss per epoch (mean over seeds): test solid, train dashed", "loss");
    for (int k = 0; k < r.summaries().size(); k++) {
      ActivationSummary s = r.summaries().get(k);
      line(c, s.activation() + " test", s.testLossCurve(), k, false);
      line(c, s.activation() + " train", s.trainLossCurve(), k, true);
    }
    return c;
  }

  static XYChart accuracyChart(ComparisonResult r) {
    XYChart c = chart("test accuracy per epoch (mean over seeds)", "accuracy");
    for (int k = 0; k < r.summaries().size(); k++) {
      line(c, r.summaries().get(k).activation(), r.summaries().get(k).testAccuracyCurve(), k, false);
    }
    return c;
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("epoch").yAxisTitle(y).build();
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return c;
  }

  private static void line(XYChart c, String name, double[] ys, int color, boolean dashed) {
    double[] xs = new double[ys.length];
    double[] safe = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      xs[i] = i + 1;
      safe[i] = Double.isFinite(ys[i]) ? ys[i] : Double.NaN;
    }
    XYSeries s = c.addSeries(name, xs, safe);
    s.setMarker(ys.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    s.setLineColor(Charts.color(color));
    s.setMarkerColor(Charts.color(color));
    if (dashed) {
      s.setLineStyle(SeriesLines.DASH_DASH);
    }
  }
}
