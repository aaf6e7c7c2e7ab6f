package org.actlab.app;

import java.io.InputStream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: holds the global options and the subcommands. */
@Command(name = "actlab", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "A laboratory of neural-network activation functions: browse the catalog and evaluate "
        + "functions and their derivatives, and train networks on real data.",
    subcommands = {ListCommand.class, ShowCommand.class, EvalCommand.class, PlotCommand.class, AnalyzeCommand.class,
        BenchCommand.class, TrainCommand.class, CompareCommand.class, ReportCommand.class,
        ExampleCommand.class, picocli.CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 success, 2 usage or input error, 1 internal error."})
public final class ActlabCommand implements Runnable {

  private final InputStream stdin;

  @Spec
  private CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (for bug reports).")
  private boolean debug;

  ActlabCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Standard input as given to {@link Main#commandLine}. */
  InputStream stdin() {
    return stdin;
  }

  boolean debug() {
    return debug;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
