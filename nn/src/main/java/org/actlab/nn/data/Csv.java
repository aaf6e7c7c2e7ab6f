package org.actlab.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader for numeric CSV files with one class label per row: comma-separated cells, blank lines skipped, an
 * optional header line, plain or gzip (detected from the first bytes). Every row must have the same number of
 * cells; every cell must be a decimal number; the label cell must be an integer in {@code [0, classes)}.
 * Errors name the file, the line and the column.
 */
public final class Csv {

  /**
   * What to read.
   *
   * @param labelColumn 0-based column of the label; negative counts from the end ({@code -1}: last column)
   * @param header      whether the first non-blank line is a header to skip
   * @param classes     labels must lie in {@code [0, classes)}; 0 means "infer as max label + 1"
   */
  public record Options(int labelColumn, boolean header, int classes) {

    /** Label in the last column, no header, classes inferred. */
    public static Options defaults() {
      return new Options(-1, false, 0);
    }
  }

  /** The rows read: {@code features} is {@code rows × columns} row-major, labels one per row. */
  public record Table(float[] features, int[] labels, int rows, int columns, int classes) {}

  private Csv() {}

  public static Table read(Path file, Options options) {
    try (InputStream in = Sources.open(file)) {
      return read(in, options, "'" + file + "'");
    } catch (IOException e) {
      throw new DataException("cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  static Table read(InputStream in, Options o, String source) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int width = -1;
    int labelAt = -1;
    boolean skipHeader = o.header();
    String line;
    for (int no = 1; (line = r.readLine()) != null; no++) {
      if (line.isBlank()) {
        continue;
      }
      if (skipHeader) {
        skipHeader = false;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (width < 0) {
        width = cells.length;
        labelAt = labelColumn(o.labelColumn(), width, source);
      } else if (cells.length != width) {
        throw new DataException(source + ", line " + no + ": " + cells.length + " cells, but the first row has "
            + width);
      }
      labels.add(label(cells[labelAt], o.classes(), source, no, labelAt));
      rows.add(features(cells, labelAt, source, no));
    }
    if (rows.isEmpty()) {
      throw new DataException(source + ": no data rows");
    }
    return table(rows, labels, width - 1, o.classes());
  }

  private static int labelColumn(int column, int width, String source) {
    int c = column < 0 ? width + column : column;
    if (width < 2 || c < 0 || c >= width) {
      throw new DataException(source + ": label column " + column + " does not exist in rows of " + width
          + " cells (need at least one feature and the label)");
    }
    return c;
  }

  private static int label(String cell, int classes, String source, int line, int col) {
    double v = number(cell, source, line, col);
    if (v != Math.rint(v) || v < 0 || (classes > 0 && v >= classes) || v > 1_000_000) {
      throw new DataException(source + ", line " + line + ", column " + (col + 1) + ": label '" + cell.trim()
          + "' is not a class index in [0, " + (classes > 0 ? classes : "∞") + ")");
    }
    return (int) v;
  }

  private static float[] features(String[] cells, int labelAt, String source, int line) {
    float[] f = new float[cells.length - 1];
    for (int c = 0, k = 0; c < cells.length; c++) {
      if (c != labelAt) {
        f[k++] = (float) number(cells[c], source, line, c);
      }
    }
    return f;
  }

  private static double number(String cell, String source, int line, int col) {
    String t = cell.trim();
    try {
      double v = Double.parseDouble(t);
      if (Double.isFinite(v) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F")) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new DataException(source + ", line " + line + ", column " + (col + 1) + ": '" + t
        + "' is not a finite number" + (line == 1 ? " (if the first line is a header, say so)" : ""));
  }

  private static Table table(List<float[]> rows, List<Integer> labels, int columns, int classes) {
    int n = rows.size();
    float[] x = new float[n * columns];
    int[] y = new int[n];
    int max = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows.get(i), 0, x, i * columns, columns);
      y[i] = labels.get(i);
      max = Math.max(max, y[i]);
    }
    return new Table(x, y, n, columns, classes > 0 ? classes : max + 1);
  }
}
