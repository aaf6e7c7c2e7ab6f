package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.actlab.core.activation.Entry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code actlab eval NAME}: applies a function (and optionally its vector-Jacobian product) to rows of numbers. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Evaluate a function on rows of numbers read from --input or standard input: one row per line, numbers "
            + "separated by whitespace; decimals, hex floats (0x1.8p1), nan, inf, -inf. Blank lines are skipped.",
        "Elementwise functions apply to each number, row functions (softmax, GLUs) to each row. Prints one line "
            + "per row; with --grad, a TAB and then the vector-Jacobian product with the upstream row.",
        "Numbers print as the shortest text that reads back to the same value in the chosen dtype "
            + "(0.5, 1e-05, nan, inf, -inf)."})
final class EvalCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @ParentCommand
  private ActlabCommand root;

  @Parameters(paramLabel = "NAME", description = "Function id or alias (see 'actlab list').")
  private String name;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
      description = "Set a parameter (repeatable); 'actlab show NAME' lists them with defaults and ranges.")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--dtype", paramLabel = "f32|f64", defaultValue = "f64",
      description = "Precision: f32 rounds inputs to float and uses the float32 kernel path (default: f64).")
  private Dtype dtype;

  @Option(names = "--grad", description = "Also print the vector-Jacobian product after a TAB.")
  private boolean grad;

  @Option(names = "--upstream", paramLabel = "FILE",
      description = "Upstream gradient rows for --grad, one per input row, shaped like the output "
          + "(default: all ones).")
  private Path upstream;

  @Option(names = "--input", paramLabel = "FILE", description = "Read rows from FILE instead of standard input.")
  private Path input;

  @Option(names = "--kernel", paramLabel = "auto|scalar|simd", defaultValue = "auto",
      description = "Kernel for elementwise functions: auto (SIMD if available, else scalar), scalar, or simd "
          + "(an error if no SIMD kernel is available) (default: auto).")
  private KernelChoice kernel;

  @Override
  public Integer call() {
    if (upstream != null && !grad) {
      throw new CliException("--upstream is only used with --grad; add --grad");
    }
    Entry e = Lookup.entry(name);
    Runner runner = Runner.of(e, Lookup.params(e, parsedParams()), kernel);
    Inputs in = new Inputs(root.stdin(), dtype);
    Rows x = in.read(input, "input");
    int[] m = runner.outputLengths(x);
    Rows dy = grad ? upstreamRows(in, x, m) : null;
    Rows y = runner.forward(x, dtype);
    Rows dx = grad ? runner.backward(x, dy, dtype) : null;
    print(y, dx, spec.commandLine().getOut());
    return 0;
  }

  private Map<String, Double> parsedParams() {
    return Numbers.params(params);
  }

  private Rows upstreamRows(Inputs in, Rows x, int[] m) {
    if (upstream == null) {
      double[] ones = new double[Arrays.stream(m).sum()];
      Arrays.fill(ones, 1.0);
      return Rows.shaped(ones, m, x.lines());
    }
    Rows dy = in.read(upstream, "upstream");
    String src = "upstream file '" + upstream + "'";
    if (dy.count() != x.count()) {
      throw new CliException(src + " has " + dy.count() + " rows but the input has " + x.count()
          + " (blank lines are skipped in both)");
    }
    for (int r = 0; r < m.length; r++) {
      if (dy.length(r) != m[r]) {
        throw new CliException(src + ", line " + dy.lines()[r] + ": " + dy.length(r) + " numbers, but the output "
            + "of input line " + x.lines()[r] + " has " + m[r]);
      }
    }
    return dy;
  }

  private void print(Rows y, Rows dx, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < y.count(); r++) {
      line.setLength(0);
      append(line, y, r);
      if (dx != null) {
        line.append('\t');
        append(line, dx, r);
      }
      out.println(line);
    }
    out.flush();
  }

  private void append(StringBuilder line, Rows rows, int r) {
    int begin = rows.start()[r];
    for (int i = begin; i < rows.start()[r + 1]; i++) {
      if (i > begin) {
        line.append(' ');
      }
      line.append(dtype.format(rows.values()[i]));
    }
  }
}
