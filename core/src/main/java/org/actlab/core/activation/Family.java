package org.actlab.core.activation;

/** The catalog's families, as the lecture notes group them. */
public enum Family {
  RELU("relu", "ReLU family: piecewise-linear rectifiers, clips and shrinks"),
  EXPONENTIAL("exponential", "Exponential units and smooth rectifiers: ELU, CELU, SELU, softplus"),
  SIGMOID("sigmoid", "Sigmoid-like: bounded, saturating squashing functions"),
  SMOOTH("smooth", "Self-gated and smooth ReLUs: SiLU/Swish, Mish, GELU and friends"),
  PERIODIC("periodic", "Periodic: SIREN's sine, Snake"),
  CUSTOM("custom", "The lecture notes' custom activations and other polynomial ones"),
  SOFTMAX("softmax", "Row functions mapping a row to a distribution: softmax, softmin, log_softmax, sparsemax"),
  GLU("glu", "Gated linear units: the row is split in half, one half gates the other");

  private final String id;
  private final String description;

  Family(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** Lower-case id used on the command line and in JSON. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** Parses an id case-insensitively; returns null when unknown. */
  public static Family byId(String s) {
    for (Family f : values()) {
      if (f.id.equalsIgnoreCase(s) || f.name().equalsIgnoreCase(s)) {
        return f;
      }
    }
    return null;
  }
}
