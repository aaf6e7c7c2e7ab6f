package org.actlab.nn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening data files: plain or gzip (detected by the magic bytes 1f 8b, not by the file name). */
final class Sources {

  private Sources() {}

  /** A stream over the file's (decompressed) bytes; the caller closes it. */
  static InputStream open(Path file) {
    try {
      return decompressed(Files.newInputStream(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new DataException("cannot read '" + file + "': no such file");
    } catch (IOException e) {
      throw new DataException("cannot read '" + file + "': " + e.getMessage(), e);
    }
  }

  /** A class-path resource next to this class, e.g. {@code mnist10k-labels-idx1-ubyte.gz}. */
  static InputStream resource(String name) {
    InputStream in = Sources.class.getResourceAsStream(name);
    if (in == null) {
      throw new DataException("built-in data file '" + name + "' is missing from the class path (broken build?)");
    }
    try {
      return decompressed(in, name);
    } catch (IOException e) {
      throw new DataException("cannot read built-in data file '" + name + "': " + e.getMessage(), e);
    }
  }

  /** Wraps {@code raw} in a gunzip stream when it starts with the gzip magic bytes. */
  static InputStream decompressed(InputStream raw, String source) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      } catch (IOException e) {
        in.close();
        throw new IOException("corrupt gzip header (" + e.getMessage() + ")", e);
      }
    }
    return in;
  }
}
