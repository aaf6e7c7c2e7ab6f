package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Spec;
import org.junit.jupiter.api.Test;

class ShowCommandTest {

  @Test
  void textShowsEveryFieldOfEveryEntry() {
    int checked = 0;
    for (Entry e : Catalog.all()) {
      Spec s = e.spec();
      Cli.Result r = Cli.run("show", s.id());
      assertEquals(0, r.exit(), r::toString);
      assertTrue(r.out().startsWith(s.id() + " - " + s.name() + "\n"), r.out());
      for (String field : List.of(s.formula(), s.derivative(), s.reference(), s.range().toString(),
          s.smoothness().label(), s.family().description())) {
        assertTrue(r.out().contains(field), () -> s.id() + " lacks " + field);
      }
      for (Param p : s.params()) {
        assertTrue(r.out().contains(p.description()), p.name());
      }
      for (Kink k : s.kinksAt(s.defaults())) {
        assertTrue(r.out().contains(k.why()), k.why());
      }
      assertTrue(r.out().contains(s.notes().split(" ")[0]));
      assertTrue(r.out().contains(e instanceof Activation ? "examples" : "example row"));
      checked++;
    }
    assertEquals(Catalog.all().size(), checked);
  }

  @Test
  void jsonCarriesTheSpecAndExamplesFromTheReference() throws Exception {
    int checked = 0;
    for (Entry e : Catalog.all()) {
      Spec s = e.spec();
      Cli.Result r = Cli.run("show", s.id(), "--json");
      assertEquals(0, r.exit(), r::toString);
      JsonNode o = Json.MAPPER.readTree(r.out());
      assertEquals(s.id(), o.get("id").asText());
      assertEquals(s.formula(), o.get("formula").asText());
      assertEquals(s.derivative(), o.get("derivative").asText());
      assertEquals(s.notes(), o.get("notes").asText());
      assertEquals(s.params().size(), o.get("params").size());
      for (int i = 0; i < s.params().size(); i++) {
        assertEquals(s.params().get(i).defaultValue(), o.get("params").get(i).get("default").asDouble());
      }
      List<Kink> kinks = s.kinksAt(s.defaults());
      assertEquals(kinks.size(), o.get("kinks").size());
      for (int i = 0; i < kinks.size(); i++) {
        assertEquals(kinks.get(i).derivative(), o.get("kinks").get(i).get("derivative").asDouble());
      }
      assertEquals(s.plotLo(), o.get("plot").get("lo").asDouble());
      checkExamples(e, o);
      checked++;
    }
    assertEquals(Catalog.all().size(), checked);
  }

  private static void checkExamples(Entry e, JsonNode o) {
    double[] p = e.spec().defaults();
    switch (e) {
      case Activation a -> {
        assertEquals(Facts.EXAMPLE_POINTS.length, o.get("examples").size());
        for (JsonNode ex : o.get("examples")) {
          double x = ex.get("x").asDouble();
          double y = a.f(x, p);
          assertEquals(y, ex.get("f").asDouble(), () -> a.spec().id() + " at " + x);
          assertEquals(a.dfdx(x, y, p), ex.get("dfdx").asDouble(), () -> a.spec().id() + "' at " + x);
        }
      }
      case RowActivation r -> {
        double[] x = Facts.EXAMPLE_ROW;
        double[] y = new double[r.outputLength(x.length)];
        r.forward(x, 0, x.length, y, 0, p);
        JsonNode got = o.get("example_row").get("y");
        assertEquals(y.length, got.size());
        for (int i = 0; i < y.length; i++) {
          assertEquals(y[i], got.get(i).asDouble());
        }
      }
    }
  }

  @Test
  void acceptsOtherSpellingsOfTheName() {
    for (Entry e : Catalog.all()) {
      String id = e.spec().id();
      Cli.Result r = Cli.run("show", id.toUpperCase(Locale.ROOT).replace('_', '-'));
      assertEquals(0, r.exit(), r::toString);
      assertEquals(Cli.run("show", id).out(), r.out());
    }
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    Cli.Result r = Cli.run("show", "sigmiod");
    assertEquals(2, r.exit());
    assertEquals("actlab: unknown function 'sigmiod' (did you mean 'sigmoid'?); 'actlab list' shows them all\n",
        r.err());
    assertEquals("", r.out());
  }
}
