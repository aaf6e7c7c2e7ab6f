package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Spec;
import org.junit.jupiter.api.Test;

class ListCommandTest {

  @Test
  void tableHasOneRowPerCatalogEntry() {
    Cli.Result r = Cli.run("list");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.lines();
    assertTrue(lines.getFirst().matches("id +family +range +monotonic +smooth +zero-centred +saturating +learnable"),
        lines.getFirst());
    assertEquals(Catalog.all().size() + 1, lines.size(), r::toString);
    for (int i = 0; i < Catalog.all().size(); i++) {
      Spec s = Catalog.all().get(i).spec();
      String[] cells = lines.get(i + 1).split(" {2,}");
      assertEquals(List.of(s.id(), s.family().id(), s.range().toString(), s.has(Property.MONOTONIC) ? "yes" : "no",
          s.smoothness().label(), s.has(Property.ZERO_CENTRED) ? "yes" : "no", s.saturation().label(),
          s.learnable() ? String.join(",", s.learnableParams()) : "-"), List.of(cells));
    }
  }

  @Test
  void jsonParsesBackToTheCatalog() throws Exception {
    Cli.Result r = Cli.run("list", "--json");
    assertEquals(0, r.exit(), r::toString);
    JsonNode a = Json.MAPPER.readTree(r.out());
    assertTrue(a.isArray());
    assertEquals(Catalog.all().size(), a.size());
    int checked = 0;
    for (Entry e : Catalog.all()) {
      JsonNode o = a.get(checked++);
      Spec s = e.spec();
      assertEquals(s.id(), o.get("id").asText());
      assertEquals(s.family().id(), o.get("family").asText());
      assertEquals(s.range().toString(), o.get("range").get("text").asText());
      assertEquals(s.has(Property.MONOTONIC), o.get("monotonic").asBoolean());
      assertEquals(s.has(Property.ZERO_CENTRED), o.get("zero_centred").asBoolean());
      assertEquals(s.smoothness().label(), o.get("smoothness").asText());
      List<String> learnable = new ArrayList<>();
      o.get("learnable_params").forEach(n -> learnable.add(n.asText()));
      assertEquals(s.learnableParams(), learnable);
      assertRangeEnd(s.range().lo(), o.get("range").get("lo"));
      assertRangeEnd(s.range().hi(), o.get("range").get("hi"));
    }
    assertEquals(Catalog.all().size(), checked);
  }

  private static void assertRangeEnd(double expected, JsonNode n) {
    if (Double.isFinite(expected)) {
      assertEquals(expected, n.asDouble());
    } else {
      assertEquals(expected > 0 ? "inf" : "-inf", n.asText());
    }
  }

  @Test
  void familyFilterSelectsExactlyThatFamily() throws Exception {
    for (Family f : Family.values()) {
      Cli.Result r = Cli.run("list", "--family", f.id(), "--json");
      assertEquals(0, r.exit(), r::toString);
      List<String> ids = new ArrayList<>();
      Json.MAPPER.readTree(r.out()).forEach(o -> ids.add(o.get("id").asText()));
      assertEquals(Catalog.all().stream().filter(e -> e.spec().family() == f).map(e -> e.spec().id()).toList(), ids);
      Cli.Result text = Cli.run("list", "--family", f.id().toUpperCase(java.util.Locale.ROOT));
      assertEquals(ids.size() + 1, text.lines().size(), text::toString);
    }
  }

  @Test
  void unknownFamilyListsTheValidOnes() {
    Cli.Result r = Cli.run("list", "--family", "nonsense");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("actlab: unknown family 'nonsense'; valid families: "), r.err());
    for (Family f : Family.values()) {
      assertTrue(r.err().contains(f.id()), f.id());
    }
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
