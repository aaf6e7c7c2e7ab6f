package org.actlab.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.actlab.core.analysis.GradientAnalysis;
import org.actlab.core.analysis.GradientStats;
import org.actlab.nn.analysis.DepthAnalysis;
import org.actlab.nn.analysis.DepthAnalysis.LayerStats;
import org.actlab.nn.experiment.ComparisonResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sections of an HTML report, each with the short explanation a student needs to read its charts. */
final class ReportSections {

  /** The depth analyses of the report: the notes' pairings of activation and initializer. */
  static final List<String[]> DEPTH_CASES = List.of(new String[] {"relu", "kaiming_normal"},
      new String[] {"relu", "xavier_normal"}, new String[] {"selu", "lecun_normal"},
      new String[] {"sigmoid", "xavier_normal"});

  /** Size of the depth analyses: a few seconds for all four. */
  static final int DEPTH = 20;
  static final int WIDTH = 128;
  static final int BATCH = 256;

  private ReportSections() {}

  static void comparison(Html h, ComparisonResult r) {
    var c = r.config();
    h.h2("Training comparison");
    h.p("The same network (" + c.model() + ", output layer added for the task) was trained on " + r.dataName()
        + " (" + r.dataDescription() + "; " + r.trainSize() + " training and " + r.testSize() + " test samples) "
        + "with each activation, " + c.seeds() + " seed(s) each (seeds " + c.seed() + "…" + (c.seed() + c.seeds()
        - 1) + "), " + c.epochs() + " epoch(s), " + c.opt() + " with learning rate " + c.lr() + ", batch "
        + c.batch() + ", " + c.init() + " initialisation.");
    h.table(CompareOutput.HEADER, CompareOutput.rows(r));
    h.list(List.of("test acc: accuracy on the test set after the last epoch, mean ± sample standard deviation "
            + "over the seeds. A spread as large as a difference means the difference is not established.",
        "final loss: test loss after the last epoch (cross-entropy for classes, mean squared error otherwise).",
        "epoch s: wall-clock seconds per epoch including the test evaluation; cheap functions (relu) are faster.",
        "dead: share of hidden units whose output is exactly the same for every one of up to 512 test samples. "
            + "Such a unit passes no information and no gradient: the 'dying ReLU' problem, or a sigmoid "
            + "saturated at exactly 0 or 1.",
        "grad ratio: size of the loss gradient of the first weight matrix divided by that of the last one, after "
            + "training. Far below 1: gradients vanish on their way back to the input (saturating sigmoid and "
            + "tanh in deep nets); far above 1: they explode."));
    h.chart(CompareOutput.lossChart(r), "Loss per epoch, mean over seeds. The test loss (solid) should fall with "
        + "the training loss (dashed); a test loss that rises while training loss falls is overfitting.");
    if (r.classification()) {
      h.chart(CompareOutput.accuracyChart(r), "Test accuracy per epoch, mean over seeds: which activation learns "
          + "fastest. The notes' Keras experiment on MNIST finds relu ahead of tanh and tanh ahead of sigmoid.");
    }
  }

  static void gradients(Html h, List<FunctionArgs.Fn> fns) {
    h.h2("How much gradient each function passes");
    h.p("Backpropagation multiplies the gradient by f'(x) at every layer. Where |f'| is tiny the gradient "
        + "vanishes (sigmoid and tanh saturate for large |x|; sigmoid's f' is at most 0.25); where f' is exactly 0 "
        + "(relu for x < 0) a unit stops learning. 'vanishing' is the share of [-5, 5] where |f'| < 0.01; the "
        + "moments are for a standard normal input Z, as at a well-initialised layer: a variance gain E f(Z)² "
        + "near 1 and a zero mean keep signals stable through depth.");
    List<List<String>> rows = new ArrayList<>();
    for (FunctionArgs.Fn f : fns) {
      GradientStats s = GradientAnalysis.analyze(f.fn(), f.params(), -5, 5, 2001);
      rows.add(List.of(s.id(), fmt(s.meanAbsGrad()), fmt(s.maxAbsGrad()), String.format(Locale.ROOT, "%.1f%%",
          100 * s.vanishingFraction()), fmt(s.gaussianMean()), fmt(s.gaussianVariance()), fmt(s.varianceGain()),
          fmt(s.gradientGain())));
    }
    h.table(List.of("function", "mean |f'|", "max |f'|", "vanishing", "E f(Z)", "Var f(Z)", "var gain",
        "grad gain"), rows);
    h.chart(functionChart(fns), "The functions (solid) and their exact derivatives (dashed) on [-5, 5]. Flat "
        + "derivative tails are where gradients vanish.");
  }

  static void depth(Html h, int depth, int width, int batch) {
    h.h2("Signals and gradients through depth");
    h.p("A batch of N(0,1) inputs goes forward through " + depth + " freshly initialised blocks dense(" + width
        + ") → activation and a random gradient comes back. A good pairing keeps the activation spread (std) "
        + "and the weight-gradient norm roughly level across layers: relu needs He (kaiming) initialisation, "
        + "which doubles the variance to make up for the zeroed half, while Xavier lets relu's signal halve per "
        + "layer; selu with LeCun initialisation is self-normalising (std stays near 1); sigmoid with Xavier "
        + "saturates and its gradients shrink towards the input. The notes' guidance: relu/He as the default, "
        + "selu/LeCun for self-normalising deep MLPs, sigmoid only at outputs.");
    for (String[] c : DEPTH_CASES) {
      List<LayerStats> stats = DepthAnalysis.run(new DepthAnalysis.Config(c[0], Map.of(), c[1], depth, width,
          batch, false, 1));
      LayerStats first = stats.getFirst();
      LayerStats last = stats.getLast();
      h.h3(c[0] + " with " + c[1]);
      h.p(String.format(Locale.ROOT, "activation std %.3g at layer 1, %.3g at layer %d; gradient norm %.3g at "
          + "layer 1, %.3g at layer %d; dead units at the last layer %.1f%%.", first.std(), last.std(), depth,
          first.gradNorm(), last.gradNorm(), depth, 100 * last.deadFraction()));
      h.chart(depthChart(c[0] + " / " + c[1], stats), "Per layer (log scale): activation std and weight-gradient "
          + "norm for " + c[0] + " with " + c[1] + " initialisation.");
    }
  }

  private static XYChart functionChart(List<FunctionArgs.Fn> fns) {
    XYChart c = new XYChartBuilder().width(800).height(500).title("functions and derivatives").xAxisTitle("x")
        .yAxisTitle("f(x), f'(x) dashed").build();
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    int n = 401;
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = -5 + 10.0 * i / (n - 1);
    }
    for (int k = 0; k < fns.size(); k++) {
      FunctionArgs.Fn f = fns.get(k);
      double[] ys = new double[n];
      double[] ds = new double[n];
      for (int i = 0; i < n; i++) {
        ys[i] = f.fn().f(xs[i], f.params());
        ds[i] = f.fn().dfdx(xs[i], ys[i], f.params());
      }
      series(c, f.id(), xs, ys, k, false);
      series(c, f.id() + "'", xs, ds, k, true);
    }
    return c;
  }

  private static XYChart depthChart(String title, List<LayerStats> stats) {
    XYChart c = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("layer")
        .yAxisTitle("std, grad norm (log)").build();
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    double[] xs = stats.stream().mapToDouble(LayerStats::layer).toArray();
    series(c, "activation std", xs, positive(stats.stream().mapToDouble(LayerStats::std).toArray()), 0, false);
    series(c, "grad norm", xs, positive(stats.stream().mapToDouble(LayerStats::gradNorm).toArray()), 1, false);
    return c;
  }

  private static double[] positive(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] > 0 && Double.isFinite(out[i]) ? out[i] : Double.MIN_NORMAL; // a log axis needs > 0
    }
    return out;
  }

  private static void series(XYChart c, String name, double[] xs, double[] ys, int color, boolean dashed) {
    double[] safe = ys.clone();
    for (int i = 0; i < safe.length; i++) {
      safe[i] = Double.isFinite(safe[i]) && Math.abs(safe[i]) < 1e15 ? safe[i] : Double.NaN;
    }
    XYSeries s = c.addSeries(name, xs, safe);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(Charts.color(color));
    if (dashed) {
      s.setLineStyle(SeriesLines.DASH_DASH);
    }
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.3e", v)
        : String.format(Locale.ROOT, "%.4f", v);
  }
}
