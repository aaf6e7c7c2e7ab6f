package org.actlab.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.core.analysis.GradientAnalysis;
import org.actlab.core.analysis.GradientStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code actlab analyze gradients}: the notes' ActivationAnalyzer with exact derivatives. */
@Command(name = "gradients", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"How much gradient each function passes, and what it does to a N(0,1) signal: mean and max "
        + "|f'| over the range, the share of the range where |f'| < 0.01 (vanishing), the output range, the mean "
        + "and variance of f(Z) for Z ~ N(0,1), the variance gain E f(Z)^2 (forward, per layer) and the gradient "
        + "gain E f'(Z)^2 (backward, per layer). Derivatives are the catalog's exact ones, moments are integrals."})
final class GradientsCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private FunctionOptions functions;

  @Option(names = "--range", paramLabel = "A:B", defaultValue = "-5:5",
      description = "Input range for the |f'| statistics (default ${DEFAULT-VALUE}).")
  private String range;

  @Option(names = "--points", defaultValue = "2001", description = "Evenly spaced inputs (default ${DEFAULT-VALUE}).")
  private int points;

  @Option(names = "--json", description = "Print a JSON array of objects instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    double[] r = FunctionArgs.range(range);
    if (points < 2 || points > 10_000_000) {
      throw new CliException("--points must be between 2 and 10000000 (got " + points + ")");
    }
    List<GradientStats> stats = functions.resolve().stream()
        .map(f -> GradientAnalysis.analyze(f.fn(), f.params(), r[0], r[1], points)).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode a = Json.MAPPER.createArrayNode();
      stats.forEach(s -> a.add(json(s)));
      Json.print(out, a);
    } else {
      out.println("over [" + NumberText.format(r[0]) + ", " + NumberText.format(r[1]) + "], " + points
          + " points; moments for Z ~ N(0,1)");
      table(stats).print(out, "");
    }
    out.flush();
    return 0;
  }

  private static TextTable table(List<GradientStats> stats) {
    TextTable t = new TextTable("function", "mean|f'|", "max|f'|", "vanishing", "output range", "E f(Z)",
        "Var f(Z)", "var gain", "grad gain");
    for (GradientStats s : stats) {
      t.add(s.id(), fmt(s.meanAbsGrad()), fmt(s.maxAbsGrad()), String.format("%.1f%%", 100 * s.vanishingFraction()),
          "[" + fmt(s.outMin()) + ", " + fmt(s.outMax()) + "]", fmt(s.gaussianMean()), fmt(s.gaussianVariance()),
          fmt(s.varianceGain()), fmt(s.gradientGain()));
    }
    return t;
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3) ? String.format("%.3e", v) : String.format("%.4f", v);
  }

  private static ObjectNode json(GradientStats s) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("function", s.id());
    Json.number(o, "mean_abs_grad", s.meanAbsGrad());
    Json.number(o, "max_abs_grad", s.maxAbsGrad());
    Json.number(o, "vanishing_fraction", s.vanishingFraction());
    ArrayNode range = o.putArray("output_range");
    range.add(s.outMin());
    range.add(s.outMax());
    Json.number(o, "gaussian_mean", s.gaussianMean());
    Json.number(o, "gaussian_variance", s.gaussianVariance());
    Json.number(o, "variance_gain", s.varianceGain());
    Json.number(o, "gradient_gain", s.gradientGain());
    ArrayNode domain = o.putArray("range");
    domain.add(s.lo());
    domain.add(s.hi());
    o.put("points", s.points());
    return o;
  }
}
