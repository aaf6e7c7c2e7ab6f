package org.actlab.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

  @TempDir
  Path dir;

  /** An IDX file with the given magic, dims and body (the body may disagree with the dims on purpose). */
  static byte[] idx(int magic, int[] dims, byte[] body) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(body);
    return b.toByteArray();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(raw);
    }
    return b.toByteArray();
  }

  private static byte[] pixels(int n) {
    byte[] v = new byte[n];
    for (int i = 0; i < n; i++) {
      v[i] = (byte) (i * 37);
    }
    return v;
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void plainAndGzipRoundTrip() throws IOException {
    byte[] body = pixels(3 * 4 * 5);
    byte[] raw = idx(Idx.IMAGES, new int[] {3, 4, 5}, body);
    for (Path f : new Path[] {file("plain.idx", raw), file("packed.bin", gzip(raw))}) {
      Idx.Array a = Idx.read(f, Idx.IMAGES);
      assertArrayEquals(new int[] {3, 4, 5}, a.dims(), f.toString());
      assertArrayEquals(body, a.values());
      assertEquals(body[7] & 0xff, a.unsigned(7));
    }
    Idx.Array labels = Idx.read(file("l.gz", gzip(idx(Idx.LABELS, new int[] {4}, new byte[] {9, 0, (byte) 255, 3}))),
        Idx.LABELS);
    assertEquals(255, labels.unsigned(2));
  }

  @Test
  void wrongMagicNamesFileAndBothNumbers() throws IOException {
    Path f = file("labels.idx", idx(Idx.LABELS, new int[] {2}, new byte[] {1, 2}));
    DataException e = assertThrows(DataException.class, () -> Idx.read(f, Idx.IMAGES));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("0x00000801")
        && e.getMessage().contains("0x00000803"), e.getMessage());
  }

  @Test
  void truncatedBodyReportsExpectedAndFoundBytes() throws IOException {
    Path f = file("short.idx", idx(Idx.IMAGES, new int[] {2, 3, 3}, pixels(10)));
    DataException e = assertThrows(DataException.class, () -> Idx.read(f, Idx.IMAGES));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("18")
        && e.getMessage().contains("10"), e.getMessage());
    Path g = file("short.gz", gzip(idx(Idx.IMAGES, new int[] {2, 3, 3}, pixels(10))));
    assertTrue(assertThrows(DataException.class, () -> Idx.read(g, Idx.IMAGES)).getMessage().contains("truncated"));
  }

  @Test
  void truncatedHeaderAndExtraBytesAndEmptyFile() throws IOException {
    byte[] full = idx(Idx.IMAGES, new int[] {1, 2, 2}, pixels(4));
    Path head = file("head.idx", Arrays.copyOf(full, 9));
    assertTrue(assertThrows(DataException.class, () -> Idx.read(head, Idx.IMAGES)).getMessage()
        .contains("truncated header"));
    Path extra = file("extra.idx", idx(Idx.IMAGES, new int[] {1, 2, 2}, pixels(5)));
    assertTrue(assertThrows(DataException.class, () -> Idx.read(extra, Idx.IMAGES)).getMessage()
        .contains("more bytes"));
    Path empty = file("empty.idx", new byte[0]);
    assertTrue(assertThrows(DataException.class, () -> Idx.read(empty, Idx.IMAGES)).getMessage()
        .contains("shorter than the 4-byte IDX header"));
  }

  @Test
  void corruptGzipAndMissingFile() throws IOException {
    byte[] z = gzip(idx(Idx.IMAGES, new int[] {2, 8, 8}, pixels(128)));
    for (int i = 12; i < z.length - 8; i++) {
      z[i] ^= 0x5a;
    }
    Path f = file("bad.gz", z);
    DataException e = assertThrows(DataException.class, () -> Idx.read(f, Idx.IMAGES));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    Path missing = dir.resolve("nope.idx");
    assertTrue(assertThrows(DataException.class, () -> Idx.read(missing, Idx.IMAGES)).getMessage()
        .contains("no such file"));
  }
}
