package org.actlab.app;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * Entry point of the {@code actlab} command. Output is UTF-8 whatever the locale (ranges print {@code ∞}, JSON
 * is UTF-8). Exit codes: 0 success, 2 usage or input error (one line on stderr), 1 internal error.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // charts render without a display
    PrintWriter out = utf8(System.out);
    PrintWriter err = utf8(System.err);
    int code = commandLine(System.in, out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** The configured command line; tests call this with their own streams. */
  public static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
    ActlabCommand root = new ActlabCommand(in);
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpAutoWidth(false);
    cmd.setUsageHelpWidth(100);
    cmd.setParameterExceptionHandler(Errors::onUsageError);
    cmd.setExecutionExceptionHandler((e, c, parsed) -> Errors.onFailure(e, c, root.debug()));
    return cmd;
  }

  private static PrintWriter utf8(OutputStream s) {
    return new PrintWriter(new BufferedWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), 1 << 16));
  }
}
