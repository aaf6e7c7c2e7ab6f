package org.actlab.core.activation;

/**
 * An interval of the real line, used for a function's output range.
 *
 * @param lo       lower end, may be {@code -∞}
 * @param hi       upper end, may be {@code +∞}
 * @param loClosed true if {@code lo} is attained (never for an infinite end)
 * @param hiClosed true if {@code hi} is attained
 */
public record Range(double lo, double hi, boolean loClosed, boolean hiClosed) {

  public static final Range REAL = open(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public Range {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("empty range " + lo + ".." + hi);
    }
    if ((loClosed && Double.isInfinite(lo)) || (hiClosed && Double.isInfinite(hi))) {
      throw new IllegalArgumentException("an infinite end cannot be attained");
    }
  }

  public static Range open(double lo, double hi) {
    return new Range(lo, hi, false, false);
  }

  public static Range closed(double lo, double hi) {
    return new Range(lo, hi, true, true);
  }

  /** {@code [lo, ∞)}. */
  public static Range atLeast(double lo) {
    return new Range(lo, Double.POSITIVE_INFINITY, true, false);
  }

  /** {@code (lo, ∞)}. */
  public static Range above(double lo) {
    return new Range(lo, Double.POSITIVE_INFINITY, false, false);
  }

  public boolean boundedBelow() {
    return Double.isFinite(lo);
  }

  public boolean boundedAbove() {
    return Double.isFinite(hi);
  }

  public boolean bounded() {
    return boundedBelow() && boundedAbove();
  }

  /** True if {@code v} lies in the interval (NaN never does). */
  public boolean contains(double v) {
    boolean aboveLo = loClosed ? v >= lo : v > lo || (v == lo && Double.isInfinite(lo));
    boolean belowHi = hiClosed ? v <= hi : v < hi || (v == hi && Double.isInfinite(hi));
    return aboveLo && belowHi;
  }

  @Override
  public String toString() {
    return (loClosed ? "[" : "(") + text(lo) + ", " + text(hi) + (hiClosed ? "]" : ")");
  }

  private static String text(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
