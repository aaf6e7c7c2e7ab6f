package org.actlab.app;

/** A user error: printed as one line on stderr, exit code 2, no stack trace (unless {@code --debug}). */
public final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
