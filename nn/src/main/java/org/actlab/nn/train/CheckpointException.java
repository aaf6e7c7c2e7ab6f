package org.actlab.nn.train;

/** A checkpoint that cannot be written, read or applied; the message names the file and the problem. */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
