package org.actlab.app;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping for prose in text output. */
final class Wrap {

  private Wrap() {}

  /** {@code text} split into lines of at most {@code width} characters (longer single words stay whole). */
  static List<String> lines(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
