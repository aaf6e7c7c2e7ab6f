package org.actlab.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A left-aligned plain-text table with two spaces between columns. */
final class TextTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... header) {
    columns = header.length;
    rows.add(header);
  }

  void add(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns);
    }
    rows.add(cells);
  }

  void print(PrintWriter out, String indent) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], length(r[c]));
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        line.append(r[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(width[c] - length(r[c]) + 2));
        }
      }
      out.println(line);
    }
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
