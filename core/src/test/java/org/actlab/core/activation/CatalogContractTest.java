package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The catalog's contract: unique names, complete metadata, stateless entries, lookups and parameter errors. */
class CatalogContractTest {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern YEAR_OR_SOURCE =
      Pattern.compile(".*(\\b(19|20)\\d\\d\\b|PyTorch|JAX|Keras|DL4J|TensorFlow).*");

  @Test
  void idsAndAliasesAreUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    for (Entry e : Catalog.all()) {
      Spec s = e.spec();
      assertTrue(ID.matcher(s.id()).matches(), "id is not lower_snake: " + s.id());
      assertTrue(seen.add(norm(s.id())), "duplicate name " + s.id());
      for (String a : s.aliases()) {
        assertTrue(seen.add(norm(a)), "duplicate or redundant alias " + a + " of " + s.id());
      }
    }
  }

  @Test
  void metadataIsComplete() {
    int checked = 0;
    for (Entry e : Catalog.all()) {
      Spec s = e.spec();
      String where = s.id() + ": ";
      for (String text : List.of(s.name(), s.formula(), s.derivative(), s.reference(), s.notes())) {
        assertFalse(text == null || text.isBlank(), where + "blank metadata");
      }
      assertTrue(s.notes().length() >= 100, where + "notes should give real guidance (>= 100 chars)");
      assertTrue(YEAR_OR_SOURCE.matcher(s.reference()).matches(), where + "reference needs a year or a source");
      assertTrue(s.plotLo() < s.plotHi(), where + "plot domain");
      Set<String> names = new HashSet<>();
      for (Param p : s.params()) {
        assertTrue(names.add(p.name()), where + "duplicate parameter " + p.name());
        assertFalse(p.description().isBlank(), where + "parameter " + p.name() + " has no description");
        assertTrue(p.accepts(p.defaultValue()), where + "default of " + p.name() + " rejected");
      }
      double[] d = s.defaults();
      e.validate(d); // defaults must pass the cross-parameter checks
      for (Kink k : s.kinksAt(d)) {
        assertTrue(Double.isFinite(k.x()) && !Double.isNaN(k.derivative()), where + "kink " + k);
        assertFalse(k.why().isBlank(), where + "kink without a reason");
      }
      boolean row = e instanceof RowActivation;
      boolean rowFamily = s.family() == Family.SOFTMAX || s.family() == Family.GLU;
      assertEquals(row, rowFamily, where + "row functions and only they belong to the row families");
      checked++;
    }
    assertEquals(Catalog.all().size(), checked);
  }

  /** Entries are shared singletons used from many threads: no instance state allowed. */
  @Test
  void entriesAreFinalAndStateless() {
    for (Entry e : Catalog.all()) {
      Class<?> c = e.getClass();
      assertTrue(Modifier.isFinal(c.getModifiers()), c.getName() + " should be final");
      for (Field f : c.getDeclaredFields()) {
        assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()),
            c.getName() + "." + f.getName() + " is instance or mutable state");
      }
    }
  }

  @Test
  void lookupIgnoresCaseAndSeparatorsAndFindsAliases() {
    for (Entry e : Catalog.all()) {
      String id = e.spec().id();
      assertSame(e, Catalog.get(id));
      assertSame(e, Catalog.get(id.toUpperCase().replace('_', '-')));
      for (String a : e.spec().aliases()) {
        assertSame(e, Catalog.get(a));
      }
    }
  }

  @Test
  void unknownNamesGetASuggestion() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Catalog.get("rleu"));
    assertTrue(ex.getMessage().contains("'rleu'") && ex.getMessage().contains("did you mean")
        && ex.getMessage().contains("'relu'"),
        ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> Catalog.get("zzzzzzzzzz"));
    assertFalse(ex.getMessage().contains("did you mean"), ex.getMessage());
  }

  @Test
  void parameterErrorsNameTheProblem() {
    Entry elu = Catalog.get("elu");
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(elu, Map.of("alpah", 1.0)));
    assertTrue(ex.getMessage().contains("alpah") && ex.getMessage().contains("alpha"), ex.getMessage());
    ex = assertThrows(IllegalArgumentException.class, () -> Catalog.params(elu, Map.of("alpha", Double.NaN)));
    assertTrue(ex.getMessage().contains("alpha") && ex.getMessage().contains("NaN"), ex.getMessage());
    assertEquals(0.7, Catalog.params(elu, Map.of("alpha", 0.7))[0]);
  }

  @Test
  void everyParameterRangeRejectsNonFiniteValues() {
    for (Entry e : Catalog.all()) {
      for (Param p : e.spec().params()) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
          assertThrows(IllegalArgumentException.class,
              () -> Catalog.params(e, Map.of(p.name(), bad)), e.spec().id() + "." + p.name() + "=" + bad);
        }
      }
    }
  }

  private static String norm(String s) {
    return s.toLowerCase().replace("_", "").replace("-", "");
  }
}
