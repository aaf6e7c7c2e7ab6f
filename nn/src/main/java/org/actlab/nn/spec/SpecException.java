package org.actlab.nn.spec;

/** A model spec that cannot be parsed or built; the message names the offending token and what to write. */
public final class SpecException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }

  public SpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
