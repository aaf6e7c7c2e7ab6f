package org.actlab.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Spec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code actlab show NAME}: everything the catalog knows about one function. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Show everything the catalog knows about one function: formula and derivative (LaTeX), "
        + "parameters, kinks with the derivative value returned there, properties, guidance notes, reference, "
        + "and example values computed by the double-precision reference at the default parameters."})
final class ShowCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Function id or alias (case, '-' and '_' do not matter).")
  private String name;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @Override
  public Integer call() {
    Entry e = Lookup.entry(name);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, detail(e));
    } else {
      text(e, out);
    }
    out.flush();
    return 0;
  }

  private static void text(Entry e, PrintWriter out) {
    Spec s = e.spec();
    out.println(s.id() + " - " + s.name());
    TextTable t = new TextTable("kind", Facts.kind(e));
    t.add("family", s.family().id() + " (" + s.family().description() + ")");
    t.add("aliases", s.aliases().isEmpty() ? "-" : String.join(", ", s.aliases()));
    t.add("formula", s.formula());
    t.add("derivative", s.derivative());
    t.add("range", s.range() + " (at the defaults)");
    t.add("smoothness", s.smoothness().label());
    t.add("saturation", s.saturation().label());
    t.add("properties", properties(s));
    t.add("plot domain", "[" + NumberText.format(s.plotLo()) + ", " + NumberText.format(s.plotHi()) + "]");
    t.add("reference", s.reference());
    t.print(out, "  ");
    params(s, out);
    kinks(e, out);
    out.println();
    out.println("notes");
    Wrap.lines(s.notes(), 96).forEach(l -> out.println("  " + l));
    examples(e, out);
  }

  private static String properties(Spec s) {
    String p = Arrays.stream(Property.values()).filter(s::has).map(Property::label)
        .collect(Collectors.joining(", "));
    return p.isEmpty() ? "-" : p;
  }

  private static void params(Spec s, PrintWriter out) {
    out.println();
    if (s.params().isEmpty()) {
      out.println("parameters: none");
      return;
    }
    out.println("parameters (set with eval -p name=value)");
    TextTable t = new TextTable("name", "default", "allowed", "learnable", "description");
    for (Param p : s.params()) {
      t.add(p.name(), NumberText.format(p.defaultValue()), p.rangeText(), Facts.yesNo(p.learnable()),
          p.description());
    }
    t.print(out, "  ");
  }

  private static void kinks(Entry e, PrintWriter out) {
    out.println();
    List<Kink> kinks = Facts.kinksAtDefaults(e);
    if (kinks.isEmpty()) {
      out.println("kinks: none");
      return;
    }
    out.println("kinks (at the default parameters)");
    TextTable t = new TextTable("x", "f'(x) returned", "type", "why");
    for (Kink k : kinks) {
      t.add(NumberText.format(k.x()), NumberText.format(k.derivative()), k.jump() ? "jump" : "corner", k.why());
    }
    t.print(out, "  ");
  }

  private static void examples(Entry e, PrintWriter out) {
    out.println();
    switch (e) {
      case Activation a -> {
        out.println("examples (double reference, default parameters)");
        TextTable t = new TextTable("x", "f(x)", "f'(x)");
        for (double[] r : Facts.examples(a)) {
          t.add(NumberText.format(r[0]), NumberText.format(r[1]), NumberText.format(r[2]));
        }
        t.print(out, "  ");
      }
      case RowActivation r -> {
        out.println("example row (double reference, default parameters)");
        out.println("  x     = " + joined(Facts.EXAMPLE_ROW));
        out.println("  f(x)  = " + joined(Facts.exampleRow(r)));
      }
    }
  }

  private static String joined(double[] v) {
    return Arrays.stream(v).mapToObj(NumberText::format).collect(Collectors.joining(" "));
  }

  private static ObjectNode detail(Entry e) {
    Spec s = e.spec();
    ObjectNode o = Json.summary(e);
    ArrayNode aliases = o.putArray("aliases");
    s.aliases().forEach(aliases::add);
    o.put("family_description", s.family().description());
    o.put("formula", s.formula());
    o.put("derivative", s.derivative());
    o.put("reference", s.reference());
    ArrayNode params = o.putArray("params");
    s.params().forEach(p -> params.add(Json.param(p)));
    o.set("properties", Json.properties(s));
    ArrayNode kinks = o.putArray("kinks");
    Facts.kinksAtDefaults(e).forEach(k -> kinks.add(Json.kink(k)));
    ObjectNode plot = o.putObject("plot");
    plot.put("lo", s.plotLo());
    plot.put("hi", s.plotHi());
    o.put("notes", s.notes());
    examplesJson(e, o);
    return o;
  }

  private static void examplesJson(Entry e, ObjectNode o) {
    switch (e) {
      case Activation a -> {
        ArrayNode ex = o.putArray("examples");
        for (double[] r : Facts.examples(a)) {
          ObjectNode p = ex.addObject();
          Json.number(p, "x", r[0]);
          Json.number(p, "f", r[1]);
          Json.number(p, "dfdx", r[2]);
        }
      }
      case RowActivation r -> {
        ObjectNode row = o.putObject("example_row");
        row.set("x", Json.numbers(Facts.EXAMPLE_ROW));
        row.set("y", Json.numbers(Facts.exampleRow(r)));
      }
    }
  }
}
