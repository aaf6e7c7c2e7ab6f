package org.actlab.nn.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a partial file: the
 * bytes go to a temporary file in the same directory, which is fsynced and then renamed over the target with
 * {@code ATOMIC_MOVE}. On any failure the temporary file is deleted.
 */
public final class AtomicFiles {

  /** Writes the body of a file. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically.
   *
   * @param overwrite replace an existing file; when false an existing target is an error (checked before writing;
   *                  a file created concurrently by another process during the write may still be replaced)
   */
  public static void write(Path target, boolean overwrite, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (!overwrite && Files.exists(abs)) {
      throw new FileAlreadyExistsException(target.toString(), null, "already exists");
    }
    // Not Files.createTempFile: that makes the file owner-only (0600); a plain CREATE_NEW honours the umask.
    Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(System.nanoTime()) + ".tmp");
    FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
    boolean done = false;
    try {
      try (ch) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.write(out);
        out.flush();
        ch.force(true);
      }
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Makes the rename durable where the platform allows opening a directory (Linux does; Windows does not). */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the file itself is complete and fsynced
    }
  }
}
