package org.actlab.nn.data;

/**
 * A data file or data set request that cannot be honoured: missing or unreadable file, wrong magic number,
 * truncated or corrupt contents, an unparsable CSV cell, a label out of range, an unknown data set or option.
 * The message names the file (or data set) and the problem, and is meant to be shown to the user as is.
 */
public final class DataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
