package org.actlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads rows of numbers: one row per line, numbers separated by whitespace (see {@link NumberText} for the
 * accepted literals). Blank lines (empty or only whitespace) are skipped: they are not rows, produce no output
 * line, and are skipped the same way in an upstream file, so rows are matched by order.
 */
public final class RowReader {

  private final String source;
  private final Dtype dtype;
  private double[] values = new double[64];
  private int size;
  private int[] start = new int[16];
  private int[] lines = new int[16];
  private int rows;

  private RowReader(String source, Dtype dtype) {
    this.source = source;
    this.dtype = dtype;
  }

  /**
   * Reads every row from {@code in}.
   *
   * @param source names the input in messages ("input file 'x.txt'", "standard input")
   * @throws CliException for a token that is not a number, naming the line, column and token
   * @throws UncheckedIOException if reading fails
   */
  public static Rows read(BufferedReader in, String source, Dtype dtype) {
    RowReader r = new RowReader(source, dtype);
    try {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        r.line(line, ++number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r.finish();
  }

  private void line(String line, int number) {
    int before = size;
    int i = 0;
    while (i < line.length()) {
      if (Character.isWhitespace(line.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      add(token(line.substring(i, end), number, i + 1));
      i = end;
    }
    if (size > before) {
      endRow(before, number);
    }
  }

  private double token(String token, int line, int column) {
    Double v = dtype.parse(token);
    if (v == null) {
      throw new CliException(source + ", line " + line + ", column " + column + ": '" + shorten(token)
          + "' is not a number (expected a decimal, a hex float such as 0x1.8p1, nan, inf or -inf)");
    }
    return v;
  }

  private static String shorten(String token) {
    return token.length() <= 40 ? token : token.substring(0, 37) + "...";
  }

  private void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = v;
  }

  private void endRow(int begin, int line) {
    if (rows + 1 == start.length) {
      start = Arrays.copyOf(start, 2 * start.length);
      lines = Arrays.copyOf(lines, 2 * lines.length);
    }
    start[rows] = begin;
    lines[rows] = line;
    rows++;
    start[rows] = size;
  }

  private Rows finish() {
    return new Rows(Arrays.copyOf(values, size), Arrays.copyOf(start, rows + 1), Arrays.copyOf(lines, rows));
  }
}
