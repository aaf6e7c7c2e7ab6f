package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.nn.experiment.ActivationSummary;
import org.actlab.nn.experiment.Comparison;
import org.actlab.nn.experiment.ComparisonResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Helpers shared by the examples: a comparison with its table and JSON, number formatting, line charts. */
final class Util {

  private Util() {}

  static String f(double v) {
    return Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }

  static Comparison.Config config(String data, Map<String, String> dataOptions, String model, List<String> acts,
                                  Map<String, Map<String, Double>> params, String init, double lr, int epochs,
                                  int batch) {
    return new Comparison.Config(data, dataOptions, model, acts, params, init, "adam", lr, epochs, batch, 1, 1, 1);
  }

  /** Runs a comparison and reports test accuracy (or loss for regression), dead units and gradient ratio. */
  static ComparisonResult compare(ExampleContext ctx, String key, Comparison.Config c) {
    ComparisonResult r = Comparison.run(c, (a, s, i, n) -> null);
    List<List<String>> rows = new ArrayList<>();
    ArrayNode arr = ctx.result().putArray(key);
    for (ActivationSummary s : r.summaries()) {
      rows.add(List.of(s.activation(), r.classification() ? f(s.testAccuracyMean()) : "-", f(s.finalLossMean()),
          String.format(Locale.ROOT, "%.1f%%", 100 * s.deadFractionMean()), f(s.gradRatioMean()),
          String.format(Locale.ROOT, "%.2f", s.epochSecondsMean())));
      ObjectNode o = arr.addObject();
      o.put("activation", s.activation());
      if (r.classification()) {
        o.put("test_accuracy", s.testAccuracyMean());
      }
      o.put("test_loss", s.finalLossMean());
      o.put("dead_fraction", s.deadFractionMean());
      o.put("grad_ratio", s.gradRatioMean());
      o.put("epoch_seconds", s.epochSecondsMean());
    }
    ctx.say(r.dataName() + " (" + r.trainSize() + " train, " + r.testSize() + " test), model " + c.model() + ", "
        + c.epochs() + " epoch(s):");
    ctx.table(List.of("activation", "test acc", "test loss", "dead", "grad ratio", "epoch s"), rows);
    XYChart chart = lineChart(key + ": test loss per epoch", "epoch", "test loss");
    for (ActivationSummary s : r.summaries()) {
      double[] xs = new double[s.testLossCurve().length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = i + 1;
      }
      line(chart, s.activation(), xs, s.testLossCurve());
    }
    ctx.chart(key, chart);
    return r;
  }

  static XYChart lineChart(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(x).yAxisTitle(y).build();
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return c;
  }

  static void line(XYChart c, String name, double[] xs, double[] ys) {
    double[] safe = ys.clone();
    for (int i = 0; i < safe.length; i++) {
      safe[i] = Double.isFinite(safe[i]) ? safe[i] : Double.NaN;
    }
    XYSeries s = c.addSeries(name, xs, safe);
    s.setMarker(xs.length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }

  /** Mean and population std of {@code v}. */
  static double[] meanStd(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    double m = s / v.length;
    double q = 0;
    for (float x : v) {
      q += (x - m) * (x - m);
    }
    return new double[] {m, Math.sqrt(q / v.length)};
  }
}
