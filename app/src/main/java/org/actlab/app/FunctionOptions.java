package org.actlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The NAMES and {@code -p} options shared by the commands that take several elementwise functions. */
final class FunctionOptions {

  @Parameters(arity = "1..*", paramLabel = "NAMES", description = "Elementwise functions (space or comma separated).")
  private List<String> names = new ArrayList<>();

  @Option(names = {"-p", "--param"}, paramLabel = "[NAME.]KEY=VALUE",
      description = "A parameter for every named function that has it, or NAME.KEY for one function.")
  private Map<String, String> params = new LinkedHashMap<>();

  /** The named functions with validated parameters. */
  List<FunctionArgs.Fn> resolve() {
    return FunctionArgs.resolve(names, params);
  }
}
