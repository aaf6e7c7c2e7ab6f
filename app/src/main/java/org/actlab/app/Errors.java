package org.actlab.app;

import java.io.PrintWriter;

import picocli.CommandLine;

/** How failures reach the user: one line on stderr, never a stack trace unless {@code --debug}. */
final class Errors {

  static final int USAGE = 2;
  static final int INTERNAL = 1;

  private Errors() {}

  /** Picocli could not parse the arguments: the message and where to get help, exit 2. */
  static int onUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("actlab: " + e.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return USAGE;
  }

  /** A command failed: user errors exit 2 with their message, anything else exits 1 as an internal error. */
  static int onFailure(Exception e, CommandLine cmd, boolean debug) {
    PrintWriter err = cmd.getErr();
    if (debug) {
      e.printStackTrace(err);
    }
    if (e instanceof CliException) {
      err.println("actlab: " + e.getMessage());
      err.flush();
      return USAGE;
    }
    err.println("actlab: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
    err.flush();
    return INTERNAL;
  }
}
