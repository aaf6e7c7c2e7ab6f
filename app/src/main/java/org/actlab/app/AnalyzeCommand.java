package org.actlab.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code actlab analyze}: measurements of activation functions and of networks built with them. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Analyses: 'gradients' measures how much gradient functions pass and what they do to a "
        + "normal signal.",
    subcommands = {GradientsCommand.class})
final class AnalyzeCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing analysis: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
