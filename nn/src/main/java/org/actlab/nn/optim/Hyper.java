package org.actlab.nn.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameters of one optimizer: its defaults (the one place they live) overridden by the caller's options,
 * with range checks whose messages name the optimizer, the option and the accepted range. Boolean switches
 * ({@code amsgrad}, {@code centered}) are options equal to 0 or 1, so the CLI can pass everything as numbers.
 */
final class Hyper {

  private final String owner;
  private final Map<String, Double> values;

  private Hyper(String owner, Map<String, Double> values) {
    this.owner = owner;
    this.values = values;
  }

  /** An ordered, unmodifiable defaults table from alternating names and values. */
  static Map<String, Double> defaults(Object... nameValue) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Defaults overridden by {@code given}.
   *
   * @throws IllegalArgumentException for an option {@code owner} does not have, listing the ones it has
   */
  static Hyper read(String owner, Map<String, Double> defaults, Map<String, Double> given) {
    Map<String, Double> v = new LinkedHashMap<>(defaults);
    for (Map.Entry<String, Double> e : given.entrySet()) {
      if (!defaults.containsKey(e.getKey())) {
        throw new IllegalArgumentException(owner + " has no option '" + e.getKey() + "'; its options are "
            + String.join(", ", defaults.keySet()));
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException(owner + ": option '" + e.getKey() + "' has no value");
      }
      v.put(e.getKey(), e.getValue());
    }
    return new Hyper(owner, v);
  }

  double get(String name) {
    return values.get(name);
  }

  /** The option, required to be finite and > 0. */
  double positive(String name) {
    return positive(owner, name, get(name));
  }

  /** The option, required to be finite and ≥ 0. */
  double nonNegative(String name) {
    double v = get(name);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(owner + ": " + name + " must be a finite number >= 0 (got " + v + ")");
    }
    return v;
  }

  /** The option, required to lie in [0, 1): decay rates such as momentum, betas and alpha. */
  double unit(String name) {
    double v = get(name);
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(owner + ": " + name + " must be in [0, 1) (got " + v
          + "); a value of 1 or more never forgets and diverges");
    }
    return v;
  }

  /** The option as a switch: 0 is false, 1 is true. */
  boolean flag(String name) {
    double v = get(name);
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException(owner + ": " + name + " is a switch, give 0 (off) or 1 (on) (got " + v + ")");
    }
    return v == 1;
  }

  static double positive(String owner, String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(owner + ": " + name + " must be a finite number > 0 (got " + v + ")");
    }
    return v;
  }

  /** A number as Python prints it ({@code 0.001}, {@code 1e-08}), so describe() reads like PyTorch's repr. */
  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e16) {
      return Long.toString((long) v);
    }
    if (Double.isFinite(v) && Math.abs(v) >= 1e-4 && Math.abs(v) < 1e16) {
      return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
    String s = Double.toString(v);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mant = s.substring(0, e).replaceAll("\\.0$", "");
    int exp = Integer.parseInt(s.substring(e + 1));
    return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
}
