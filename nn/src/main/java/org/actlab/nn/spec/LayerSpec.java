package org.actlab.nn.spec;

import java.util.List;

/**
 * One parsed layer of a model spec: its kind ({@code dense}, {@code conv}, ...), its arguments as written, the
 * body of a {@code residual(...)}, and the token as written (for error messages). Arguments have been checked
 * by {@link ModelSpec#parse} for count and form; the typed getters read them.
 */
public record LayerSpec(String kind, List<String> args, List<LayerSpec> body, String token) {

  public LayerSpec {
    args = List.copyOf(args);
    body = List.copyOf(body);
  }

  /** A spec made by the builder itself (the output layer, an automatic flatten or activation). */
  public static LayerSpec of(String kind, String... args) {
    StringBuilder t = new StringBuilder(kind);
    for (String a : args) {
      t.append(':').append(a);
    }
    return new LayerSpec(kind, List.of(args), List.of(), t.toString());
  }

  /** Number of arguments given. */
  public int arity() {
    return args.size();
  }

  /** Argument {@code i} as an int, or {@code fallback} when absent. */
  public int integer(int i, int fallback) {
    return i < args.size() ? Integer.parseInt(args.get(i)) : fallback;
  }

  /** Argument {@code i} as a double, or {@code fallback} when absent. */
  public double real(int i, double fallback) {
    return i < args.size() ? Double.parseDouble(args.get(i)) : fallback;
  }

  /** Argument {@code i} as text, or {@code fallback} when absent. */
  public String text(int i, String fallback) {
    return i < args.size() ? args.get(i) : fallback;
  }

  @Override
  public String toString() {
    return token;
  }
}
