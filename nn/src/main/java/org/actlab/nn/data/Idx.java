package org.actlab.nn.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reader for the IDX format of MNIST (LeCun et al.): a big-endian header {@code 00 00 08 n} (unsigned bytes, n
 * dimensions), n big-endian int32 dimensions, then the bytes in row-major order. Images have magic 0x00000803
 * (three dimensions: count, rows, columns), labels 0x00000801 (one dimension). Files may be gzip-compressed;
 * compression is detected from the first bytes. Every inconsistency (wrong magic, a truncated header or body,
 * extra bytes after the body, corrupt gzip data) is a {@link DataException} naming the file.
 */
public final class Idx {

  /** IDX magic number of an image file (unsigned bytes, 3 dimensions). */
  public static final int IMAGES = 0x803;
  /** IDX magic number of a label file (unsigned bytes, 1 dimension). */
  public static final int LABELS = 0x801;

  /** The contents of an IDX file: its dimensions and its bytes (read them as unsigned). */
  public record Array(int[] dims, byte[] values) {

    /** The value at flat index {@code i} as an unsigned byte. */
    public int unsigned(int i) {
      return values[i] & 0xff;
    }
  }

  private Idx() {}

  /** Reads {@code file}, requiring the magic number {@code magic} ({@link #IMAGES} or {@link #LABELS}). */
  public static Array read(Path file, int magic) {
    try (InputStream in = Sources.open(file)) {
      return read(in, magic, "'" + file + "'");
    } catch (IOException e) {
      throw new DataException("cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  /** Reads an IDX stream (already decompressed); {@code source} names it in error messages. */
  static Array read(InputStream raw, int magic, String source) {
    DataInputStream in = new DataInputStream(raw);
    try {
      int found = header(in, source);
      if (found != magic) {
        throw new DataException(source + ": wrong magic number 0x" + hex(found) + ", expected 0x" + hex(magic)
            + " (" + (magic == IMAGES ? "IDX images" : "IDX labels") + ")");
      }
      int[] dims = dims(in, magic & 0xff, source);
      long count = 1;
      for (int d : dims) {
        count *= d;
      }
      if (count > Integer.MAX_VALUE - 16) {
        throw new DataException(source + ": dimensions " + text(dims) + " are too large");
      }
      byte[] values = in.readNBytes((int) count);
      if (values.length < count) {
        throw new DataException(source + ": truncated: dimensions " + text(dims) + " need " + count
            + " bytes of data but the file has " + values.length);
      }
      if (in.read() != -1) {
        throw new DataException(source + ": more bytes than dimensions " + text(dims) + " account for ("
            + count + "); corrupt or not an IDX file");
      }
      return new Array(dims, values);
    } catch (IOException e) {
      throw new DataException(source + ": corrupt or truncated (" + e.getMessage() + ")", e);
    }
  }

  private static int header(DataInputStream in, String source) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new DataException(source + ": truncated: shorter than the 4-byte IDX header", e);
    }
  }

  private static int[] dims(DataInputStream in, int rank, String source) throws IOException {
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      try {
        dims[i] = in.readInt();
      } catch (EOFException e) {
        throw new DataException(source + ": truncated header: " + rank + " dimensions announced, "
            + i + " present", e);
      }
      if (dims[i] < 0) {
        throw new DataException(source + ": negative dimension " + dims[i] + " at position " + i);
      }
    }
    return dims;
  }

  private static String hex(int v) {
    return String.format("%08x", v);
  }

  private static String text(int[] dims) {
    return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
  }
}
