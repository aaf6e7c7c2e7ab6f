package org.actlab.core.activation;

/**
 * One parameter of a function: its PyTorch name, default, allowed range and whether it can be learned.
 * Defaults live here and nowhere else: constructors, CLI help and docs all read them from the {@link Spec}.
 *
 * <p>Build with {@link #of} and the narrowing methods, e.g.
 * {@code Param.of("lambd", 0.5, "half-width of the dead zone").atLeast(0)}; {@link #notZero} and
 * {@link #trainable} narrow further.
 *
 * @param name         PyTorch's parameter name
 * @param defaultValue PyTorch's default (or the paper's where PyTorch lacks the function)
 * @param min          lower bound of the allowed values
 * @param max          upper bound of the allowed values
 * @param minOpen      true if {@code min} itself is excluded
 * @param maxOpen      true if {@code max} itself is excluded
 * @param nonZero      true if 0 is excluded (celu's alpha divides)
 * @param learnable    true if a layer may train it ({@link Activation#dfdp} gives its gradient)
 * @param description  one line for help and docs
 */
public record Param(String name, double defaultValue, double min, double max, boolean minOpen, boolean maxOpen,
                   boolean nonZero, boolean learnable, String description) {

  public Param {
    if (!check(defaultValue, min, max, minOpen, maxOpen, nonZero)) {
      throw new IllegalArgumentException("default of " + name + " (" + defaultValue + ") is outside its range");
    }
  }

  /** Any finite value, not learnable. */
  public static Param of(String name, double defaultValue, String description) {
    return new Param(name, defaultValue, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true, false,
        false, description);
  }

  public Param atLeast(double lo) {
    return new Param(name, defaultValue, lo, max, false, maxOpen, nonZero, learnable, description);
  }

  public Param greaterThan(double lo) {
    return new Param(name, defaultValue, lo, max, true, maxOpen, nonZero, learnable, description);
  }

  public Param atMost(double hi) {
    return new Param(name, defaultValue, min, hi, minOpen, false, nonZero, learnable, description);
  }

  public Param lessThan(double hi) {
    return new Param(name, defaultValue, min, hi, minOpen, true, nonZero, learnable, description);
  }

  public Param notZero() {
    return new Param(name, defaultValue, min, max, minOpen, maxOpen, true, learnable, description);
  }

  public Param trainable() {
    return new Param(name, defaultValue, min, max, minOpen, maxOpen, nonZero, true, description);
  }

  /** True if {@code v} is finite and inside the declared range. */
  public boolean accepts(double v) {
    return check(v, min, max, minOpen, maxOpen, nonZero);
  }

  /** The allowed values in interval notation, e.g. {@code (0, ∞)}, {@code ℝ \ {0}}. */
  public String rangeText() {
    String text = new Range(min, max, !minOpen && Double.isFinite(min), !maxOpen && Double.isFinite(max)).toString();
    if (text.equals("(-∞, ∞)")) {
      text = "ℝ";
    }
    return nonZero ? text + " \\ {0}" : text;
  }

  /**
   * Checks {@code v} for function {@code fn}.
   *
   * @throws IllegalArgumentException naming the function, the parameter, the value and the allowed range
   */
  public void require(String fn, double v) {
    if (!accepts(v)) {
      throw new IllegalArgumentException(fn + ": parameter " + name + " must be a finite number in " + rangeText()
          + " (got " + v + ")");
    }
  }

  private static boolean check(double v, double min, double max, boolean minOpen, boolean maxOpen,
                               boolean nonZero) {
    if (!Double.isFinite(v) || (nonZero && v == 0)) {
      return false;
    }
    boolean aboveMin = minOpen ? v > min : v >= min;
    boolean belowMax = maxOpen ? v < max : v <= max;
    return aboveMin && belowMax;
  }
}
