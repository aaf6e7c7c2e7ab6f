package org.actlab.core.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the catalog knows about a function. Properties describe the function at its default parameters and
 * are verified numerically by the generic tests; kinks are a function of the parameters because their places
 * move with them (softshrink's ±lambd).
 *
 * @param id          lower_snake id as in PyTorch ({@code leaky_relu})
 * @param aliases     other accepted names ({@code swish} for silu is not one: swish has a beta)
 * @param name        display name
 * @param family      the notes' grouping
 * @param formula     the definition in LaTeX
 * @param derivative  df/dx in LaTeX
 * @param reference   the paper (authors, title, year) or defining source
 * @param params      parameters in the order of the {@code p} arrays
 * @param range       output range at the defaults
 * @param smoothness  smoothness class at the defaults
 * @param saturation  which side's derivative vanishes
 * @param properties  yes/no properties at the defaults
 * @param kinks       kink places and derivative values, given resolved parameters
 * @param plotLo      left end of the default plot domain
 * @param plotHi      right end of the default plot domain
 * @param notes       when to use it and what to watch for
 */
public record Spec(String id, List<String> aliases, String name, Family family, String formula, String derivative,
                   String reference, List<Param> params, Range range, Smoothness smoothness, Saturation saturation,
                   Set<Property> properties, Function<double[], List<Kink>> kinks, double plotLo, double plotHi,
                   String notes) {

  public Spec {
    aliases = List.copyOf(aliases);
    params = List.copyOf(params);
    properties = properties.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(properties));
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The default parameter vector (a fresh array the caller may keep). */
  public double[] defaults() {
    double[] p = new double[params.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = params.get(i).defaultValue();
    }
    return p;
  }

  /** Index of parameter {@code name} in the {@code p} arrays, or -1. */
  public int paramIndex(String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Defaults overridden by {@code given}, each checked against its declared range. Cross-parameter constraints
   * are the entry's ({@link Entry#validate}); use {@link Catalog#params} to get both.
   *
   * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a value out of range
   */
  public double[] resolve(Map<String, Double> given) {
    double[] p = defaults();
    for (Map.Entry<String, Double> e : given.entrySet()) {
      int i = paramIndex(e.getKey());
      if (i < 0) {
        throw new IllegalArgumentException(id + " has no parameter '" + e.getKey() + "'"
            + (params.isEmpty() ? " (it takes none)" : "; its parameters are " + paramNames()));
      }
      params.get(i).require(id, e.getValue());
      p[i] = e.getValue();
    }
    return p;
  }

  /** Parameter names in order, comma-separated. */
  public String paramNames() {
    return String.join(", ", params.stream().map(Param::name).toList());
  }

  /** Kinks for resolved parameters {@code p}. */
  public List<Kink> kinksAt(double[] p) {
    return kinks.apply(p);
  }

  public boolean has(Property property) {
    return properties.contains(property);
  }

  /** True if some parameter is learnable. */
  public boolean learnable() {
    return params.stream().anyMatch(Param::learnable);
  }

  /** Names of the learnable parameters. */
  public List<String> learnableParams() {
    return params.stream().filter(Param::learnable).map(Param::name).toList();
  }

  /** Fluent construction so that a function file reads as a data sheet. */
  public static final class Builder {
    private final String id;
    private final List<String> aliases = new ArrayList<>();
    private String name;
    private Family family;
    private String formula;
    private String derivative;
    private String reference;
    private final List<Param> params = new ArrayList<>();
    private Range range;
    private Smoothness smoothness;
    private Saturation saturation;
    private final Set<Property> properties = EnumSet.noneOf(Property.class);
    private Function<double[], List<Kink>> kinks = p -> List.of();
    private double plotLo = -5;
    private double plotHi = 5;
    private String notes;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id);
    }

    public Builder aliases(String... a) {
      aliases.addAll(Arrays.asList(a));
      return this;
    }

    public Builder name(String n) {
      name = n;
      return this;
    }

    public Builder family(Family f) {
      family = f;
      return this;
    }

    public Builder formula(String latex) {
      formula = latex;
      return this;
    }

    public Builder derivative(String latex) {
      derivative = latex;
      return this;
    }

    public Builder reference(String r) {
      reference = r;
      return this;
    }

    public Builder param(Param p) {
      params.add(p);
      return this;
    }

    public Builder range(Range r) {
      range = r;
      return this;
    }

    public Builder smoothness(Smoothness s) {
      smoothness = s;
      return this;
    }

    public Builder saturation(Saturation s) {
      saturation = s;
      return this;
    }

    public Builder properties(Property... ps) {
      properties.addAll(Arrays.asList(ps));
      return this;
    }

    /** Kinks whose places do not depend on the parameters. */
    public Builder kinks(Kink... k) {
      List<Kink> fixed = List.of(k);
      kinks = p -> fixed;
      return this;
    }

    /** Kinks whose places or derivative values depend on the parameters. */
    public Builder kinks(Function<double[], List<Kink>> k) {
      kinks = k;
      return this;
    }

    public Builder plot(double lo, double hi) {
      plotLo = lo;
      plotHi = hi;
      return this;
    }

    public Builder notes(String n) {
      notes = n;
      return this;
    }

    /** @throws IllegalStateException if a required field is missing: metadata must be complete */
    public Spec build() {
      Map<String, Object> required = new LinkedHashMap<>();
      required.put("name", name);
      required.put("family", family);
      required.put("formula", formula);
      required.put("derivative", derivative);
      required.put("reference", reference);
      required.put("range", range);
      required.put("smoothness", smoothness);
      required.put("saturation", saturation);
      required.put("notes", notes);
      required.forEach((k, v) -> {
        if (v == null || (v instanceof String s && s.isBlank())) {
          throw new IllegalStateException(id + ": spec is missing " + k);
        }
      });
      if (!(plotLo < plotHi)) {
        throw new IllegalStateException(id + ": empty plot domain");
      }
      return new Spec(id, aliases, name, family, formula, derivative, reference, params, range, smoothness,
          saturation, properties, kinks, plotLo, plotHi, notes);
    }
  }
}
