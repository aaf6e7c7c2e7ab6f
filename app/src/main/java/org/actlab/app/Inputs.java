package org.actlab.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens {@code eval}'s input and upstream sources (UTF-8 text) and turns I/O failures into user errors. */
final class Inputs {

  private final InputStream stdin;
  private final Dtype dtype;

  Inputs(InputStream stdin, Dtype dtype) {
    this.stdin = stdin;
    this.dtype = dtype;
  }

  /** Rows from {@code file}, or from standard input when {@code file} is null; {@code what} names it in errors. */
  Rows read(Path file, String what) {
    if (file == null) {
      return RowReader.read(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
          "standard input", dtype);
    }
    String source = what + " file '" + file + "'";
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return RowReader.read(in, source, dtype);
    } catch (IOException e) {
      throw new CliException("cannot read " + source + ": " + reason(e), e);
    } catch (UncheckedIOException e) {
      throw new CliException("cannot read " + source + ": " + reason(e.getCause()), e);
    }
  }

  private static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException n -> "no such file";
      case AccessDeniedException a -> "permission denied";
      case CharacterCodingException c -> "not UTF-8 text";
      default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    };
  }
}
