package org.actlab.nn.data;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A data set's {@code key=value} options: typed getters with defaults, and a check that none is unknown. */
final class Options {

  private final String dataset;
  private final Map<String, String> given;
  private final Set<String> known = new TreeSet<>();

  Options(String dataset, Map<String, String> given) {
    this.dataset = dataset;
    this.given = given;
  }

  int integer(String key, int fallback, int min) {
    known.add(key);
    String v = given.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v.trim());
      if (i >= min) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataException(dataset + ": option " + key + "='" + v + "' must be an integer ≥ " + min);
  }

  double real(String key, double fallback, double min, double max) {
    known.add(key);
    String v = given.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataException(dataset + ": option " + key + "='" + v + "' must be a number in [" + min + ", "
        + max + "]");
  }

  boolean flag(String key, boolean fallback) {
    known.add(key);
    String v = given.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.trim()) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new DataException(dataset + ": option " + key + "='" + v + "' must be true or false");
    };
  }

  /** Fails on any option that no getter asked for; call after reading all options. */
  void checkAllKnown() {
    for (String k : given.keySet()) {
      if (!known.contains(k)) {
        throw new DataException(dataset + ": unknown option '" + k + "'; valid options: " + String.join(", ", known));
      }
    }
  }
}
