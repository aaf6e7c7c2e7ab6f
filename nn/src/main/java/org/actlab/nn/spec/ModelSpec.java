package org.actlab.nn.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parser of model specs: a comma-separated list of layers, hidden layers only (the builder appends the output
 * layer). Grammar (whitespace around tokens is ignored):
 *
 * <pre>
 * spec   := layer ("," layer)*
 * layer  := "residual(" spec ")" | KIND (":" ARG)*
 *
 * dense:UNITS[:ACT]                     fully connected, then ACT (default: --act); flattens its input if needed
 * conv:FILTERS:KERNEL[:STRIDE[:PAD]]    2-D convolution on [C,H,W] (stride 1, padding 0), then --act
 * pool:max|avg:SIZE[:STRIDE]            max or average pooling (stride = SIZE)
 * flatten                               [C,H,W] or [T,F] to a vector
 * bn                                    batch normalisation (per feature on vectors, per channel on images)
 * dropout:P                             dropout with drop probability P in [0,1)
 * alphadropout:P                        alpha dropout (for selu networks), P in [0,1)
 * act[:NAME]                            an activation layer alone (default: --act)
 * rnn:HIDDEN[:seq]                      Elman RNN on [T,F] with --act; last state, or all states with "seq"
 * attention:DK                          single-head self-attention on [T,D] with key size DK
 * residual(SPEC)                        x + SPEC(x); SPEC must keep the shape
 * </pre>
 *
 * <p>Examples: {@code dense:256,dense:256}; {@code conv:16:3:1:1,pool:max:2,flatten,dense:64};
 * {@code dense:128,bn,dropout:0.2,dense:64}; {@code dense:64,residual(dense:64,dense:64)};
 * {@code dense:128:selu,alphadropout:0.1}. Every error names the token and says what was expected.
 */
public final class ModelSpec {

  private record Kind(String usage, int min, int max, List<Arg> args) {}

  private record Arg(String name, String expected, Predicate<String> ok) {}

  private static final Arg UNITS = positive("UNITS");
  private static final Arg ACT = new Arg("ACT", "an activation id such as relu",
      s -> s.matches("[a-z][a-z0-9_]*"));
  private static final Arg PROB = new Arg("P", "a probability in [0, 1)", s -> {
    try {
      double p = Double.parseDouble(s);
      return p >= 0 && p < 1;
    } catch (NumberFormatException e) {
      return false;
    }
  });

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("dense", new Kind("dense:UNITS[:ACT]", 1, 2, List.of(UNITS, ACT)));
    KINDS.put("conv", new Kind("conv:FILTERS:KERNEL[:STRIDE[:PAD]]", 2, 4, List.of(positive("FILTERS"),
        positive("KERNEL"), positive("STRIDE"), new Arg("PAD", "an integer ≥ 0", s -> s.matches("[0-9]{1,4}")))));
    KINDS.put("pool", new Kind("pool:max|avg:SIZE[:STRIDE]", 2, 3, List.of(
        new Arg("TYPE", "max or avg", s -> s.equals("max") || s.equals("avg")), positive("SIZE"),
        positive("STRIDE"))));
    KINDS.put("flatten", new Kind("flatten", 0, 0, List.of()));
    KINDS.put("bn", new Kind("bn", 0, 0, List.of()));
    KINDS.put("dropout", new Kind("dropout:P", 1, 1, List.of(PROB)));
    KINDS.put("alphadropout", new Kind("alphadropout:P", 1, 1, List.of(PROB)));
    KINDS.put("act", new Kind("act[:NAME]", 0, 1, List.of(ACT)));
    KINDS.put("rnn", new Kind("rnn:HIDDEN[:seq]", 1, 2, List.of(positive("HIDDEN"),
        new Arg("seq", "the word seq", "seq"::equals))));
    KINDS.put("attention", new Kind("attention:DK", 1, 1, List.of(positive("DK"))));
    KINDS.put("residual", new Kind("residual(SPEC)", 0, 0, List.of()));
  }

  private ModelSpec() {}

  /** The layer kinds of the grammar, in documentation order. */
  public static List<String> kinds() {
    return List.copyOf(KINDS.keySet());
  }

  /** Parses {@code spec}; an empty or blank spec means "no hidden layers" (a linear model). */
  public static List<LayerSpec> parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return List.of();
    }
    return parseList(spec, spec);
  }

  private static List<LayerSpec> parseList(String text, String whole) {
    List<LayerSpec> out = new ArrayList<>();
    for (String token : split(text, whole)) {
      out.add(parseLayer(token.strip(), whole));
    }
    return out;
  }

  private static List<String> split(String text, String whole) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        throw error(whole, text.strip(), "unbalanced ')'");
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw error(whole, text.strip(), "missing ')'");
    }
    parts.add(text.substring(start));
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).isBlank()) {
        throw error(whole, "", "empty layer at position " + (i + 1) + " (two commas, or a comma at an end?)");
      }
    }
    return parts;
  }

  private static LayerSpec parseLayer(String token, String whole) {
    int paren = token.indexOf('(');
    if (paren >= 0) {
      if (!token.substring(0, paren).strip().equals("residual") || !token.endsWith(")")) {
        throw error(whole, token, "only residual(SPEC) takes parentheses");
      }
      String inner = token.substring(paren + 1, token.length() - 1);
      if (inner.isBlank()) {
        throw error(whole, token, "residual needs at least one layer inside the parentheses");
      }
      return new LayerSpec("residual", List.of(), parseList(inner, whole), token);
    }
    String[] parts = token.split(":", -1);
    String kind = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
    Kind k = KINDS.get(kind);
    if (k == null) {
      throw error(whole, token, "unknown layer kind '" + parts[0].strip() + "'; valid kinds: "
          + String.join(", ", KINDS.keySet()));
    }
    if (kind.equals("residual")) {
      throw error(whole, token, "write residual(SPEC), e.g. residual(dense:64)");
    }
    List<String> args = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      args.add(parts[i].strip());
    }
    if (args.size() < k.min() || args.size() > k.max()) {
      throw error(whole, token, (args.size() < k.min() ? "too few" : "too many") + " arguments; usage: "
          + k.usage());
    }
    for (int i = 0; i < args.size(); i++) {
      Arg a = k.args().get(i);
      if (!a.ok().test(args.get(i))) {
        throw error(whole, token, a.name() + " must be " + a.expected() + ", got '" + args.get(i) + "' (usage: "
            + k.usage() + ")");
      }
    }
    return new LayerSpec(kind, args, List.of(), token);
  }

  private static Arg positive(String name) {
    return new Arg(name, "a positive integer", s -> s.matches("[0-9]{1,7}") && Integer.parseInt(s) > 0);
  }

  static SpecException error(String whole, String token, String problem) {
    return new SpecException("bad model spec '" + whole + "'" + (token.isEmpty() ? "" : " at '" + token + "'")
        + ": " + problem);
  }
}
