package org.actlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.RowActivation;

/**
 * Several elementwise functions named on the command line, each with its resolved parameters. A {@code -p}
 * option is either {@code KEY=VALUE}, applied to every named function that has parameter KEY (an error if none
 * has it), or {@code NAME.KEY=VALUE}, applied to that function only.
 */
final class FunctionArgs {

  /** One function and its validated parameters. */
  record Fn(Activation fn, double[] params) {
    String id() {
      return fn.spec().id();
    }
  }

  private FunctionArgs() {}

  /** Names may be given as separate words or comma-separated ("relu,gelu tanh"). */
  static List<Fn> resolve(List<String> names, Map<String, String> rawParams) {
    List<Activation> fns = new ArrayList<>();
    for (String word : names) {
      for (String name : word.split(",")) {
        if (!name.isBlank()) {
          fns.add(elementwise(Lookup.entry(name.trim())));
        }
      }
    }
    if (fns.isEmpty()) {
      throw new CliException("name at least one function ('actlab list' shows them)");
    }
    Map<Activation, Map<String, Double>> given = new LinkedHashMap<>();
    fns.forEach(f -> given.put(f, new LinkedHashMap<>()));
    rawParams.forEach((key, text) -> assign(fns, given, key, number(key, text)));
    return fns.stream().map(f -> new Fn(f, Lookup.params(f, given.get(f)))).toList();
  }

  private static Activation elementwise(Entry e) {
    if (e instanceof RowActivation) {
      throw new CliException(e.spec().id() + " is a row function (it maps a whole row, not one number); "
          + "use 'actlab eval " + e.spec().id() + "' on rows instead");
    }
    return (Activation) e;
  }

  private static void assign(List<Activation> fns, Map<Activation, Map<String, Double>> given, String key,
                             double v) {
    int dot = key.lastIndexOf('.');
    if (dot > 0) {
      Entry target = Lookup.entry(key.substring(0, dot));
      if (!given.containsKey(target)) {
        throw new CliException("parameter " + key + " names " + target.spec().id() + ", which is not plotted");
      }
      given.get(target).put(key.substring(dot + 1), v);
      return;
    }
    boolean used = false;
    for (Activation f : fns) {
      if (f.spec().paramIndex(key) >= 0) {
        given.get(f).put(key, v);
        used = true;
      }
    }
    if (!used) {
      throw new CliException("none of the named functions has a parameter '" + key + "'");
    }
  }

  private static double number(String key, String text) {
    Double v = NumberText.parseDouble(text.trim());
    if (v == null) {
      throw new CliException("parameter " + key + ": '" + text + "' is not a number");
    }
    return v;
  }

  /** Parses {@code a:b} (e.g. {@code -5:5}) into {lo, hi} with lo &lt; hi, both finite. */
  static double[] range(String text) {
    int colon = text.indexOf(':', 1);
    Double lo = colon < 0 ? null : NumberText.parseDouble(text.substring(0, colon).trim());
    Double hi = colon < 0 ? null : NumberText.parseDouble(text.substring(colon + 1).trim());
    if (lo == null || hi == null || !Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
      throw new CliException("--range must be LO:HI with finite LO < HI, e.g. -5:5 (got '" + text + "')");
    }
    return new double[] {lo, hi};
  }
}
