package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import org.actlab.nn.data.DataException;
import org.actlab.nn.experiment.Comparison;
import org.actlab.nn.experiment.ComparisonResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab compare}: the same network trained with several activations and seeds, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Train the same network with each activation and each seed and print, per activation, the "
        + "test accuracy (mean ± std over seeds), final test loss, seconds per epoch, the share of dead hidden "
        + "units (output constant over up to 512 test samples) and the gradient-norm ratio (first over last "
        + "weight matrix, ≪1 vanishing, ≫1 exploding). Writes an HTML report with the loss and accuracy curves, "
        + "the gradient analysis of the activations and the depth analyses of 'actlab report'.",
        "With no options: " + CompareDefaults.TEXT + "."})
final class CompareCommand implements java.util.concurrent.Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private CompareOptions options;

  @Option(names = "--json", description = "Print one JSON object instead of the table (no progress bar).")
  private boolean json;

  @Option(names = "--report", paramLabel = "DIR", description = "Report directory (default: actlab-report); "
      + "its index.html is replaced, other files are kept.")
  private Path report;

  @Option(names = "--no-report", description = "Write no report.")
  private boolean noReport;

  @Option(names = "--progress", negatable = true, description = "Progress on standard error (default: when "
      + "standard error is a terminal and not --json).")
  private Boolean progress;

  @Override
  public Integer call() {
    if (noReport && report != null) {
      throw new CliException("--report and --no-report contradict each other; choose one");
    }
    Comparison.Config c = user(() -> options.resolve(CompareDefaults.MAIN));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean bar = !json && (progress != null ? progress : System.console() != null);
    ComparisonResult r = run(c, bar ? err : null);
    if (json) {
      Json.print(out, CompareOutput.json(r));
    } else {
      out.println(r.dataName() + ": " + r.dataDescription() + " (" + r.trainSize() + " train, " + r.testSize()
          + " test); model " + c.model() + ", " + c.epochs() + " epoch(s), " + c.seeds() + " seed(s) from "
          + c.seed());
      CompareOutput.table(r).print(out, "");
    }
    if (!noReport) {
      Path dir = report != null ? report : Path.of(CompareDefaults.REPORT_DIR);
      Html h = new Html("ActLab comparison: " + String.join(", ", c.activations()) + " on " + r.dataName());
      ReportSections.comparison(h, r);
      ReportSections.gradients(h, CompareOptions.functions(c));
      ReportSections.depth(h, ReportSections.DEPTH, ReportSections.WIDTH, ReportSections.BATCH); // seconds
      Path index = h.write(dir);
      (json ? err : out).println("wrote " + index);
    }
    out.flush();
    err.flush();
    return 0;
  }

  /** Runs the comparison; with a non-null {@code err}, a line per run and a bar per epoch on it. */
  static ComparisonResult run(Comparison.Config c, PrintWriter err) {
    return user(() -> Comparison.run(c, (act, seed, i, n) -> {
      if (err == null) {
        return null;
      }
      err.println(String.format(Locale.ROOT, "[%d/%d] %s, seed %d", i, n, act, seed));
      err.flush();
      return new ProgressRenderer(err, new org.actlab.nn.train.TrainingListener() {});
    }));
  }

  static <T> T user(Supplier<T> body) {
    try {
      return body.get();
    } catch (DataException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
