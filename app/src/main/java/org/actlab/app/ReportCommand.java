package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.actlab.nn.experiment.Comparison;
import org.actlab.nn.experiment.ComparisonResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab report}: one self-contained HTML page a student can read from top to bottom. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Run a small comparison (default: relu, sigmoid, tanh, gelu on the 8×8 digits, "
        + "dense:64,dense:64, 2 seeds, 10 epochs; every compare option applies) and write DIR/index.html with its table and curves, "
        + "the gradient analysis of the compared activations (table and a plot of the functions and their "
        + "derivatives) and four depth analyses (relu with kaiming_normal and xavier_normal, selu with "
        + "lecun_normal, sigmoid with xavier_normal). Charts are embedded PNGs; the page loads nothing else. "
        + "For the full MNIST comparison run 'actlab compare', which writes the same kind of report."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CompareOptions options;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "actlab-report",
      description = "Report directory (default ${DEFAULT-VALUE}); its index.html is replaced atomically.")
  private Path output;

  @Option(names = "--depth", defaultValue = "" + ReportSections.DEPTH, description = "Blocks of the depth analyses (default "
      + "${DEFAULT-VALUE}).")
  private int depth;

  @Option(names = "--progress", negatable = true, description = "Progress on standard error (default: when "
      + "standard error is a terminal).")
  private Boolean progress;

  @Override
  public Integer call() {
    if (depth < 1 || depth > 200) {
      throw new CliException("--depth must be between 1 and 200, got " + depth);
    }
    Comparison.Config c = CompareCommand.user(() -> options.resolve(CompareDefaults.REPORT));
    PrintWriter out = spec.commandLine().getOut();
    boolean bar = progress != null ? progress : System.console() != null;
    ComparisonResult r = CompareCommand.run(c, bar ? spec.commandLine().getErr() : null);
    Html h = new Html("ActLab report: activation functions in practice");
    h.p("This page compares activation functions three ways: by training the same network with each of them, "
        + "by measuring how much gradient each function lets through, and by following a signal through deep "
        + "random networks. Each chart says what to look for.");
    ReportSections.comparison(h, r);
    ReportSections.gradients(h, CompareOptions.functions(c));
    ReportSections.depth(h, depth, ReportSections.WIDTH, ReportSections.BATCH);
    CompareOutput.table(r).print(out, "");
    out.println("wrote " + h.write(output));
    out.flush();
    return 0;
  }
}
