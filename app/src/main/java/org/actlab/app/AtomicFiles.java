package org.actlab.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a half-written
 * file: the bytes go to a temporary file in the same directory, are forced to disk, and are moved over the
 * target in one step. A failure leaves the target untouched and removes the temporary file.
 */
final class AtomicFiles {

  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> DEFAULT =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFiles() {}

  /**
   * Temporary files are created owner-only (0600); the result should look like any file the user writes: the
   * replaced file's permissions, or rw-r--r-- for a new one.
   */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    try {
      Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : DEFAULT);
    } catch (UnsupportedOperationException notPosix) {
      // other file systems keep their own defaults
    }
  }

  static void write(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new CliException("cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new CliException("cannot write " + target + ": it is a directory");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      keepPermissions(abs, tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new CliException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the target was never touched
        }
      }
    }
  }
}
