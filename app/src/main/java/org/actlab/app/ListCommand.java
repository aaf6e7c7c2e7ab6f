package org.actlab.app;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Family;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab list}: one row per catalog function. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"List the catalog: one row per function with its family, output range (at the default "
        + "parameters), whether it is monotonic, its smoothness class, whether it is zero-centred, on which side "
        + "it saturates and its learnable parameters."})
final class ListCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--family", paramLabel = "F", completionCandidates = FamilyIds.class,
      description = "Only this family: ${COMPLETION-CANDIDATES}.")
  private String family;

  @Option(names = "--json", description = "Print a JSON array of objects instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    List<Entry> entries = selected();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode a = Json.MAPPER.createArrayNode();
      entries.forEach(e -> a.add(Json.summary(e)));
      Json.print(out, a);
    } else {
      table(entries).print(out, "");
    }
    out.flush();
    return 0;
  }

  private List<Entry> selected() {
    if (family == null) {
      return Catalog.all();
    }
    Family f = Family.byId(family);
    if (f == null) {
      throw new CliException("unknown family '" + family + "'; valid families: " + String.join(", ", new FamilyIds()));
    }
    return Catalog.all().stream().filter(e -> e.spec().family() == f).toList();
  }

  private static TextTable table(List<Entry> entries) {
    TextTable t = new TextTable("id", "family", "range", "monotonic", "smooth", "zero-centred", "saturating",
        "learnable");
    for (Entry e : entries) {
      t.add(e.spec().id(), e.spec().family().id(), e.spec().range().toString(), Facts.yesNo(Facts.monotonic(e)),
          e.spec().smoothness().label(), Facts.yesNo(Facts.zeroCentred(e)), e.spec().saturation().label(),
          Facts.learnableText(e));
    }
    return t;
  }

  /** The family ids, for help and messages. */
  static final class FamilyIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Family.values()).map(Family::id).iterator();
    }
  }
}
