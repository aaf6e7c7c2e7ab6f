package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

  @Test
  void everyCommandHasHelp() {
    for (List<String> cmd : List.of(List.<String>of(), List.of("list"), List.of("show"), List.of("eval"))) {
      for (String flag : List.of("--help", "-h")) {
        String[] args = java.util.stream.Stream.concat(cmd.stream(), java.util.stream.Stream.of(flag))
            .toArray(String[]::new);
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Usage: actlab"), r::toString);
      }
    }
    assertTrue(Cli.run("help", "eval").out().contains("--upstream=FILE"));
  }

  @Test
  void versionNamesTheBuildAndTheCatalog() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().matches("(?s)actlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*\n"
        + Catalog.all().size() + " functions in the catalog\n"), r.out());
    assertEquals(r.out(), Cli.run("eval", "--version").out());
  }
}
