package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.lines.SeriesLines;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code actlab plot}: functions (and their derivatives) on one chart, written as PNG or SVG, headless. */
@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Plot elementwise functions on one chart, with --derivative their exact derivatives as dashed "
        + "lines. Writes a PNG or SVG file (by extension); runs without a display."})
final class PlotCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private FunctionOptions functions;

  @Option(names = "--derivative", description = "Also draw f'(x), dashed.")
  private boolean derivative;

  @Option(names = "--range", paramLabel = "A:B",
      description = "x range (default: the union of the functions' plot domains).")
  private String range;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "plot.png",
      description = "Output file, .png or .svg (default ${DEFAULT-VALUE}); replaced atomically.")
  private Path output;

  @Option(names = "--points", defaultValue = "801", description = "Samples per curve (default ${DEFAULT-VALUE}).")
  private int points;

  @Override
  public Integer call() {
    Charts.requireImagePath(output);
    if (points < 2 || points > 1_000_000) {
      throw new CliException("--points must be between 2 and 1000000 (got " + points + ")");
    }
    List<FunctionArgs.Fn> fns = functions.resolve();
    double[] r = range != null ? FunctionArgs.range(range) : domain(fns);
    XYChart chart = new XYChartBuilder().width(900).height(600).xAxisTitle("x")
        .yAxisTitle(derivative ? "f(x), f'(x) dashed" : "f(x)").title(title(fns)).build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    double[] xs = new double[points];
    for (int i = 0; i < points; i++) {
      xs[i] = r[0] + (r[1] - r[0]) * i / (points - 1);
    }
    for (int k = 0; k < fns.size(); k++) {
      addSeries(chart, fns.get(k), xs, Charts.color(k));
    }
    Charts.save(chart, output);
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + output + " (" + fns.size() + " function" + (fns.size() == 1 ? "" : "s")
        + (derivative ? " and derivatives" : "") + " over [" + NumberText.format(r[0]) + ", "
        + NumberText.format(r[1]) + "])");
    out.flush();
    return 0;
  }

  private void addSeries(XYChart chart, FunctionArgs.Fn f, double[] xs, java.awt.Color color) {
    double[] ys = new double[xs.length];
    double[] ds = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      double y = f.fn().f(xs[i], f.params());
      ys[i] = finiteOrGap(y);
      ds[i] = finiteOrGap(f.fn().dfdx(xs[i], y, f.params()));
    }
    XYSeries s = chart.addSeries(f.id(), xs, ys);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    if (derivative) {
      XYSeries d = chart.addSeries(f.id() + "'", xs, ds);
      d.setMarker(SeriesMarkers.NONE);
      d.setLineStyle(SeriesLines.DASH_DASH);
      d.setLineColor(color);
    }
  }

  /** Overflowed values (exponential far right) are left out of the curve instead of breaking the axis. */
  private static double finiteOrGap(double v) {
    return Double.isFinite(v) && Math.abs(v) < 1e15 ? v : Double.NaN;
  }

  private static double[] domain(List<FunctionArgs.Fn> fns) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (FunctionArgs.Fn f : fns) {
      lo = Math.min(lo, f.fn().spec().plotLo());
      hi = Math.max(hi, f.fn().spec().plotHi());
    }
    return new double[] {lo, hi};
  }

  private static String title(List<FunctionArgs.Fn> fns) {
    return String.join(", ", fns.stream().map(FunctionArgs.Fn::id).toList());
  }
}
