package org.actlab.core.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;

/**
 * Reader for the golden files written by {@code tools/golden.py} (their headers document the line formats).
 * Values come from mpmath and PyTorch, never from our own output.
 */
final class Golden {

  private Golden() {}

  /** Parameters as written ({@code k=v,...} or {@code -}), in file order. */
  static Map<String, Double> params(String text) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (!text.equals("-")) {
      for (String kv : text.split(",")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
      }
    }
    return m;
  }

  /** {@code name=v name=v} (or {@code -}) as BigDecimals. */
  static Map<String, BigDecimal> named(String text) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    if (!text.equals("-")) {
      for (String kv : text.split(" ")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), new BigDecimal(kv.substring(eq + 1)));
      }
    }
    return m;
  }

  static double[] doubles(String text) {
    return Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  static BigDecimal[] decimals(String text) {
    return Arrays.stream(text.split(" ")).map(BigDecimal::new).toArray(BigDecimal[]::new);
  }

  static Set<String> flags(String text) {
    return text.equals("-") ? Set.of() : Set.of(text.split(","));
  }

  /** The non-comment lines of a golden resource, split at tabs. */
  static List<String[]> read(String name) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /golden/" + name + " (run tools/golden.py)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Resolved parameters for {@code e}; for the {@code def} set also checks that the file's values are the
   * catalog's defaults (the golden file and the Spec must agree on what "default" means).
   */
  static double[] resolve(Entry e, String set, Map<String, Double> given) {
    double[] p = Catalog.params(e, given);
    if (set.equals("def")) {
      double[] d = e.spec().defaults();
      if (!Arrays.equals(p, d) || given.size() != d.length) {
        throw new AssertionError(e.spec().id() + ": golden defaults " + given + " differ from the catalog's "
            + e.spec().paramNames() + " = " + Arrays.toString(d));
      }
    }
    return p;
  }

  /**
   * Fails listing catalog entries without golden data and golden ids unknown to the catalog (both directions,
   * so that neither a new function nor a renamed one slips through unchecked).
   */
  static String coverage(Set<String> golden) {
    Set<String> missing = new TreeSet<>();
    for (Entry e : Catalog.all()) {
      if (!golden.contains(e.spec().id())) {
        missing.add(e.spec().id());
      }
    }
    Set<String> unknown = new TreeSet<>();
    for (String id : golden) {
      if (Catalog.find(id).map(e -> !e.spec().id().equals(id)).orElse(true)) {
        unknown.add(id);
      }
    }
    if (missing.isEmpty() && unknown.isEmpty()) {
      return null;
    }
    return "catalog entries without golden data: " + missing + "; golden ids not in the catalog: " + unknown
        + " (regenerate with /usr/bin/python3 tools/golden.py after adding a definition there)";
  }
}
