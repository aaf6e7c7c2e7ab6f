package org.actlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.app.examples.Example;
import org.actlab.app.examples.ExampleContext;
import org.actlab.app.examples.Examples;
import org.actlab.nn.data.DataException;
import org.knowm.xchart.internal.chartpart.Chart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code actlab example}: the lecture notes' experiments, by name. */
@Command(name = "example", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Run one of the lecture notes' experiments: it explains itself, measures and prints its "
        + "results. 'actlab example --list' shows the names."})
final class ExampleCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Example to run.")
  private String name;

  @Option(names = "--list", description = "List the examples with a one-line description.")
  private boolean list;

  @Option(names = "--json", description = "Print one JSON object {example, results} instead of text.")
  private boolean json;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write the example's charts as PNG here.")
  private Path output;

  @Option(names = "--quick", hidden = true, description = "A seconds-long version (tests).")
  private boolean quick;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      TextTable t = new TextTable("example", "description");
      Examples.all().forEach(e -> t.add(e.name(), e.description()));
      t.print(out, "");
      out.flush();
      return 0;
    }
    if (name == null) {
      throw new CliException("name an example or use --list; examples: " + names());
    }
    Example e = Examples.find(name).orElseThrow(() -> new CliException("unknown example '" + name
        + "'; examples: " + names()));
    if (output != null) {
      try {
        Files.createDirectories(output);
      } catch (IOException ex) {
        throw new CliException("cannot create " + output + ": " + ex.getMessage(), ex);
      }
    }
    Context ctx = new Context(out);
    try {
      e.run(ctx);
    } catch (DataException | IllegalArgumentException ex) {
      throw new CliException(ex.getMessage(), ex);
    }
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("example", e.name());
      root.set("results", ctx.result);
      var files = root.putArray("charts");
      ctx.charts.forEach(files::add);
      Json.print(out, root);
    } else if (output == null && ctx.skipped) {
      out.println("(add -o DIR to write the charts)");
    }
    out.flush();
    return 0;
  }

  private static String names() {
    return String.join(", ", Examples.all().stream().map(Example::name).toList());
  }

  /** The context of one run: text to {@code out} unless JSON, charts to {@code output} if given. */
  private final class Context implements ExampleContext {
    private final PrintWriter out;
    private final ObjectNode result = Json.MAPPER.createObjectNode();
    private final List<String> charts = new ArrayList<>();
    private boolean skipped;

    Context(PrintWriter out) {
      this.out = out;
    }

    @Override
    public boolean quick() {
      return quick;
    }

    @Override
    public void say(String line) {
      if (!json) {
        out.println(line);
        out.flush();
      }
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
      if (!json) {
        TextTable t = new TextTable(header.toArray(String[]::new));
        rows.forEach(r -> t.add(r.toArray(String[]::new)));
        t.print(out, "  ");
        out.flush();
      }
    }

    @Override
    public ObjectNode result() {
      return result;
    }

    @Override
    public void chart(String chartName, Chart<?, ?> chart) {
      skipped |= output == null;
      if (output != null) {
        Path p = output.resolve(chartName + ".png");
        Charts.save(chart, p);
        charts.add(p.toString());
        say("wrote " + p);
      }
    }
  }
}
