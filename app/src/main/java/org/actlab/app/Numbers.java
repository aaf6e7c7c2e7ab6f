package org.actlab.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line numbers: {@code -p KEY=VALUE} maps parsed with the CLI's number syntax. */
final class Numbers {

  private Numbers() {}

  /** Parses every value; a bad one is a user error naming the key. */
  static Map<String, Double> params(Map<String, String> raw) {
    Map<String, Double> out = new LinkedHashMap<>();
    raw.forEach((k, text) -> {
      Double v = NumberText.parseDouble(text.trim());
      if (v == null) {
        throw new CliException("parameter " + k + ": '" + text + "' is not a number");
      }
      out.put(k, v);
    });
    return out;
  }
}
