package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.nn.analysis.DepthAnalysis;
import org.actlab.nn.analysis.DepthAnalysis.LayerStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab analyze depth}: signal and gradient propagation through a deep random network. */
@Command(name = "depth", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Propagate a batch of N(0,1) inputs forward and a N(0,1) upstream gradient backward through "
        + "DEPTH blocks of dense(WIDTH) [-> batch norm] -> ACT, freshly initialised, and report per layer the mean "
        + "and std of pre-activations and activations, the dead and saturated fractions and the weight-gradient "
        + "norm: vanishing or exploding signals at a glance. Try selu with lecun_normal, relu with "
        + "kaiming_normal vs xavier_normal, sigmoid with xavier_normal."})
final class DepthCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--act", required = true, paramLabel = "NAME", description = "Elementwise activation.")
  private String act;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "Activation parameter.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--init", defaultValue = "kaiming_normal", paramLabel = "NAME",
      description = "Weight initializer (default ${DEFAULT-VALUE}).")
  private String init;

  @Option(names = "--depth", defaultValue = "20", description = "Number of blocks (default ${DEFAULT-VALUE}).")
  private int depth;

  @Option(names = "--width", defaultValue = "256", description = "Units per block (default ${DEFAULT-VALUE}).")
  private int width;

  @Option(names = "--batch", defaultValue = "256", description = "Samples (default ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--batch-norm", description = "Batch norm between each dense layer and its activation.")
  private boolean batchNorm;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = {"-o", "--chart"}, paramLabel = "FILE", description = "Also write the chart (.png or .svg).")
  private Path chart;

  @Option(names = "--json", description = "Print one JSON object {\"layers\": [...]} instead of the table.")
  private boolean json;

  @Override
  public Integer call() {
    if (chart != null) {
      Charts.requireImagePath(chart);
    }
    if (depth > 1000 || width > 4096 || batch > 65536) {
      throw new CliException("--depth <= 1000, --width <= 4096 and --batch <= 65536, please");
    }
    List<LayerStats> stats;
    try {
      stats = DepthAnalysis.run(new DepthAnalysis.Config(act, Numbers.params(params), init, depth, width, batch,
          batchNorm, seed));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, json(stats));
    } else {
      out.println(depth + " x dense(" + width + ")" + (batchNorm ? " -> batch norm" : "") + " -> " + act + ", "
          + init + " init, batch " + batch + ", seed " + seed);
      table(stats).print(out, "");
    }
    if (chart != null) {
      Charts.save(chart(stats), chart);
      (json ? spec.commandLine().getErr() : out).println("wrote " + chart);
    }
    out.flush();
    return 0;
  }

  private static TextTable table(List<LayerStats> stats) {
    double top = stats.stream().mapToDouble(LayerStats::gradNorm).max().orElse(1);
    TextTable t = new TextTable("layer", "pre mean", "pre std", "mean", "std", "dead", "saturated", "grad norm",
        "log10 grad (bar)");
    for (LayerStats s : stats) {
      t.add(Integer.toString(s.layer()), f(s.preMean()), f(s.preStd()), f(s.mean()), f(s.std()),
          pct(s.deadFraction()), pct(s.saturatedFraction()), String.format("%.3e", s.gradNorm()),
          bar(s.gradNorm(), top));
    }
    return t;
  }

  /** One '#' per factor of 10 below the largest gradient norm is removed: a short bar means vanishing. */
  private static String bar(double v, double top) {
    if (!(v > 0) || !(top > 0)) {
      return "";
    }
    int len = (int) Math.max(0, Math.round(20 + 2 * Math.log10(v / top)));
    return "#".repeat(Math.min(20, len));
  }

  private static String f(double v) {
    return String.format("%.4f", v);
  }

  private static String pct(double v) {
    return String.format("%.1f%%", 100 * v);
  }

  private static ObjectNode json(List<LayerStats> stats) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ArrayNode layers = root.putArray("layers");
    for (LayerStats s : stats) {
      ObjectNode o = layers.addObject();
      o.put("layer", s.layer());
      Json.number(o, "mean", s.mean());
      Json.number(o, "std", s.std());
      Json.number(o, "dead_fraction", s.deadFraction());
      Json.number(o, "saturated_fraction", s.saturatedFraction());
      Json.number(o, "grad_norm", s.gradNorm());
      Json.number(o, "pre_mean", s.preMean());
      Json.number(o, "pre_std", s.preStd());
    }
    return root;
  }

  private XYChart chart(List<LayerStats> stats) {
    XYChart c = new XYChartBuilder().width(900).height(600).xAxisTitle("layer")
        .yAxisTitle("activation std, weight-gradient norm (log)").title(act + " / " + init + " / depth " + depth
            + (batchNorm ? " / batch norm" : "")).build();
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    double[] xs = stats.stream().mapToDouble(LayerStats::layer).toArray();
    series(c, "activation std", xs, stats.stream().mapToDouble(LayerStats::std).toArray(), 0);
    series(c, "grad norm", xs, stats.stream().mapToDouble(LayerStats::gradNorm).toArray(), 1);
    return c;
  }

  private static void series(XYChart c, String name, double[] xs, double[] ys, int color) {
    double[] safe = ys.clone();
    for (int i = 0; i < safe.length; i++) {
      safe[i] = safe[i] > 0 && Double.isFinite(safe[i]) ? safe[i] : Double.MIN_NORMAL; // log axis needs > 0
    }
    XYSeries s = c.addSeries(name, xs, safe);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setLineColor(Charts.color(color));
    s.setMarkerColor(Charts.color(color));
  }
}
