package org.actlab.app;

import java.util.Arrays;

/**
 * Rows of numbers, stored flat: row {@code r} is {@code values[start[r] .. start[r+1])} and came from input line
 * {@code lines[r]} (1-based, for messages).
 */
public record Rows(double[] values, int[] start, int[] lines) {

  /** Number of rows. */
  public int count() {
    return lines.length;
  }

  /** Length of row {@code r}. */
  public int length(int r) {
    return start[r + 1] - start[r];
  }

  /** Total number of values. */
  public int size() {
    return start[count()];
  }

  /** Row {@code r} as a fresh array. */
  public double[] row(int r) {
    return Arrays.copyOfRange(values, start[r], start[r + 1]);
  }

  /** Rows with the same line numbers and the given lengths, holding {@code values}. */
  public static Rows shaped(double[] values, int[] lengths, int[] lines) {
    int[] start = new int[lengths.length + 1];
    for (int r = 0; r < lengths.length; r++) {
      start[r + 1] = start[r] + lengths[r];
    }
    if (start[lengths.length] != values.length) {
      throw new IllegalArgumentException("row lengths add up to " + start[lengths.length] + ", not "
          + values.length);
    }
    return new Rows(values, start, lines);
  }

  /** The lengths of every row. */
  public int[] lengths() {
    int[] n = new int[count()];
    for (int r = 0; r < n.length; r++) {
      n[r] = length(r);
    }
    return n;
  }
}
