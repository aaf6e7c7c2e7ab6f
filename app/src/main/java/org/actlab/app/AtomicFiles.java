package org.actlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CLI's file writes: the engine's atomic write ({@link org.actlab.nn.train.AtomicFiles}: temp file in the
 * same directory, fsync, atomic rename, so readers see the old file or the complete new one) with its failures
 * turned into one-line user errors.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code bytes} atomically; a failure leaves the target untouched. */
  static void write(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new CliException("cannot write " + target + ": directory " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new CliException("cannot write " + target + ": it is a directory");
    }
    try {
      org.actlab.nn.train.AtomicFiles.write(abs, true, out -> out.write(bytes));
    } catch (IOException e) {
      throw new CliException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
