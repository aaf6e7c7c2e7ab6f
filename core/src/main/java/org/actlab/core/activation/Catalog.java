package org.actlab.core.activation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.actlab.core.activation.fn.*;
import org.actlab.core.activation.row.*;

/**
 * The one list of every function ActLab knows. Adding a function is one file plus one {@code add} line here:
 * the CLI, docs, JSON and every generic test iterate this list.
 */
public final class Catalog {

  private static final List<Entry> ALL = new ArrayList<>();
  private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

  static {
    // ReLU family
    add(new Identity());
    add(new Relu());
    add(new Relu6());
    add(new LeakyRelu());
    add(new Prelu());
    add(new Rrelu());
    add(new Threshold());
    add(new Heaviside());
    add(new Hardtanh());
    add(new Hardshrink());
    add(new Softshrink());
    add(new SquaredRelu());
    add(new ThresholdedRelu());

    // Exponential
    add(new Elu());
    add(new Celu());
    add(new Selu());
    add(new Softplus());
    add(new Squareplus());

    // Sigmoid-like
    add(new Sigmoid());
    add(new Tanh());
    add(new Hardsigmoid());
    add(new Softsign());
    add(new Logsigmoid());
    add(new Tanhshrink());
    add(new ScaledTanh());
    add(new RectifiedTanh());
    add(new Isru());
    add(new BentIdentity());
    add(new RationalTanh());
    add(new SparseSigmoid());

    // Self-gated and smooth ReLUs
    add(new Silu());
    add(new Swish());
    add(new AdaptiveSwish());
    add(new Mish());
    add(new Gelu());
    add(new GeluTanh());
    add(new QuickGelu());
    add(new Tanhexp());
    add(new Serf());
    add(new Hardswish());
    add(new SparsePlus());
    add(new Exponential());

    // Periodic
    add(new Sine());
    add(new Snake());

    // The notes' custom activations
    add(new QuadraticSoftplus());
    add(new Cube());

    // Row functions: softmax family
    add(new Softmax());
    add(new Softmin());
    add(new LogSoftmax());
    add(new Sparsemax());

    // Row functions: gated linear units
    add(new Glu());
    add(new Reglu());
    add(new Swiglu());
    add(new Geglu());
    add(new GaussianGlu());
  }

  private Catalog() {}

  private static void add(Entry e) {
    String id = e.spec().id();
    for (String name : names(e)) {
      Entry clash = BY_NAME.putIfAbsent(key(name), e);
      if (clash != null && clash != e) {
        throw new IllegalStateException("name '" + name + "' of " + id + " is taken by " + clash.spec().id());
      }
    }
    ALL.add(e);
  }

  private static List<String> names(Entry e) {
    List<String> names = new ArrayList<>();
    names.add(e.spec().id());
    names.addAll(e.spec().aliases());
    return names;
  }

  /** Lookup key: case and the {@code -}/{@code _} spelling do not matter ({@code leaky-relu}, {@code LeakyReLU}). */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Every entry, in catalog order. */
  public static List<Entry> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The elementwise entries, in catalog order. */
  public static List<Activation> elementwise() {
    return ALL.stream().filter(Activation.class::isInstance).map(Activation.class::cast).toList();
  }

  /** The row entries, in catalog order. */
  public static List<RowActivation> rows() {
    return ALL.stream().filter(RowActivation.class::isInstance).map(RowActivation.class::cast).toList();
  }

  /** Finds an entry by id or alias. */
  public static Optional<Entry> find(String name) {
    return Optional.ofNullable(BY_NAME.get(key(name)));
  }

  /**
   * Finds an entry by id or alias.
   *
   * @throws IllegalArgumentException naming the unknown function and suggesting the closest valid names
   */
  public static Entry get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown function '" + name + "'" + suggestion(name) + "; 'actlab list' shows them all"));
  }

  /** Elementwise entry by name; rejects row functions with a clear message. */
  public static Activation activation(String name) {
    Entry e = get(name);
    if (e instanceof Activation a) {
      return a;
    }
    throw new IllegalArgumentException(e.spec().id() + " is a row function, not an elementwise activation");
  }

  /**
   * Resolved, validated parameters: defaults overridden by {@code given}, each range-checked, then the entry's
   * cross-parameter checks.
   */
  public static double[] params(Entry e, Map<String, Double> given) {
    double[] p = e.spec().resolve(given);
    e.validate(p);
    return p;
  }

  /** " (did you mean 'x'?)" for the closest names within a small edit distance, or "". */
  public static String suggestion(String name) {
    String k = key(name);
    List<String> close = new ArrayList<>();
    int best = Integer.MAX_VALUE;
    for (Map.Entry<String, Entry> e : BY_NAME.entrySet()) {
      int d = editDistance(k, e.getKey());
      String id = e.getValue().spec().id();
      if (d < best) {
        best = d;
        close.clear();
      }
      if (d == best && !close.contains(id)) {
        close.add(id);
      }
    }
    if (close.isEmpty() || best > Math.max(2, k.length() / 3)) {
      return "";
    }
    close.sort(Comparator.naturalOrder());
    return " (did you mean " + String.join(" or ", close.stream().map(s -> "'" + s + "'").toList()) + "?)";
  }

  /** Levenshtein distance, for suggestions. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
