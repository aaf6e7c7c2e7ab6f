package org.actlab.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The settings of a training run as text, in a fixed key order: what the JSON "config" shows and what a
 * checkpoint stores as meta so that {@code --load} can rebuild the same model. Values are canonical (sorted
 * {@code k=v} lists, shortest round-trip numbers) so that a given option can be compared with a loaded one.
 */
final class TrainConfig {

  private TrainConfig() {}

  /** Command-line values, else the checkpoint's ({@code meta}), else the data set's defaults. */
  static Map<String, String> resolve(TrainCommand c, Map<String, String> meta) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("data", c.data());
    given.put("data_options", c.dataOptions().isEmpty() ? null : join(c.dataOptions(), "--data-opt"));
    given.put("model", c.model() == null ? null : c.model().strip());
    given.put("act", c.act());
    given.put("params", c.params().isEmpty() ? null : join(numbers(c.params()), "-p"));
    given.put("init", c.init());
    given.put("opt", c.opt());
    given.put("lr", c.lr() == null ? null : positive(c.lr(), "--lr"));
    given.put("epochs", c.epochs() == null ? null : atLeast(c.epochs(), 0, "--epochs"));
    given.put("batch", c.batch() == null ? null : atLeast(c.batch(), 1, "--batch"));
    given.put("seed", c.seed() == null ? null : Long.toString(c.seed()));
    return meta == null ? fresh(given) : loaded(given, meta);
  }

  private static Map<String, String> fresh(Map<String, String> given) {
    if (given.get("data") == null) {
      throw new CliException("--data is required, e.g. --data mnist10k (or digits, xor, circles, moons, spirals, "
          + "blobs, sincos, periodic, csv:FILE)");
    }
    TrainDefaults d = TrainDefaults.of(given.get("data"));
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> defaults = Map.of("data_options", "", "model", d.model(), "act", d.act(), "params", "",
        "init", d.init(), "opt", d.opt(), "lr", Double.toString(d.lr()), "epochs", Integer.toString(d.epochs()),
        "batch", Integer.toString(d.batch()), "seed", "1");
    given.forEach((k, v) -> out.put(k, v != null ? v : defaults.get(k)));
    return out;
  }

  private static Map<String, String> loaded(Map<String, String> given, Map<String, String> meta) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String saved = meta.get(e.getKey());
      if (saved == null) {
        throw new CliException("the checkpoint has no '" + e.getKey() + "' setting; was it written by "
            + "'actlab train --save'?");
      }
      String v = e.getValue();
      if (v != null && !v.equals(saved) && !e.getKey().equals("epochs")) {
        throw new CliException(option(e.getKey()) + " '" + v + "' differs from the checkpoint's '" + saved
            + "'; omit it to use the checkpoint's");
      }
      out.put(e.getKey(), v != null ? v : saved);
    }
    return out;
  }

  /** Parses a canonical {@code k=v,k=v} list (empty text: no entries). */
  static Map<String, String> options(String text, String option) {
    Map<String, String> m = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return m;
    }
    for (String kv : text.split(",")) {
      int eq = kv.indexOf('=');
      m.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return m;
  }

  /** The numbers of a canonical {@code k=v} list. */
  static Map<String, Double> numbers(String text) {
    Map<String, Double> m = new TreeMap<>();
    options(text, "-p").forEach((k, v) -> m.put(k, NumberText.parseDouble(v)));
    return m;
  }

  private static Map<String, String> numbers(Map<String, String> given) {
    Map<String, String> m = new TreeMap<>();
    for (Map.Entry<String, String> p : given.entrySet()) {
      Double v = NumberText.parseDouble(p.getValue().trim());
      if (v == null) {
        throw new CliException("parameter " + p.getKey() + ": '" + p.getValue() + "' is not a number");
      }
      m.put(p.getKey().trim(), NumberText.format(v));
    }
    return m;
  }

  private static String join(Map<String, String> m, String option) {
    StringJoiner j = new StringJoiner(",");
    new TreeMap<>(m).forEach((k, v) -> {
      if (k.contains(",") || k.contains("=") || v.contains(",")) {
        throw new CliException(option + " " + k + "=" + v + ": keys and values cannot contain ',' (or '=' in keys)");
      }
      j.add(k.trim() + "=" + v.trim());
    });
    return j.toString();
  }

  private static String positive(double v, String option) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new CliException(option + " must be a positive number, got " + v);
    }
    return Double.toString(v);
  }

  private static String atLeast(int v, int min, String option) {
    if (v < min) {
      throw new CliException(option + " must be at least " + min + ", got " + v);
    }
    return Integer.toString(v);
  }

  private static String option(String key) {
    return switch (key) {
      case "data_options" -> "--data-opt";
      case "params" -> "-p";
      default -> "--" + key;
    };
  }
}
