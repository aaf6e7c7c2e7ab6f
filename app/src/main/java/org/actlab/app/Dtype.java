package org.actlab.app;

/** The precision of {@code eval}: how input is rounded, which kernel path runs, and how results are printed. */
public enum Dtype {
  /** Inputs rounded to float, computed by the float32 kernel path, printed as shortest floats. */
  F32,
  /** Inputs as doubles, the double kernel path, printed as shortest doubles. */
  F64;

  /** The value of a token in this precision (a float is returned widened, exactly), or null if not a number. */
  public Double parse(String token) {
    if (this == F32) {
      Float f = NumberText.parseFloat(token);
      return f == null ? null : (double) f;
    }
    return NumberText.parseDouble(token);
  }

  /** Shortest round-trip text in this precision; {@code v} must already be representable for F32. */
  public String format(double v) {
    return this == F32 ? NumberText.format((float) v) : NumberText.format(v);
  }
}
