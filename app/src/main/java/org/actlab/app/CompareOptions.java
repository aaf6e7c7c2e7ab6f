package org.actlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.actlab.nn.experiment.Comparison;

import picocli.CommandLine.Option;

/**
 * The options of a comparison, shared by {@code compare} and {@code report}. Unset options take the command's
 * {@link CompareDefaults}. {@code -p KEY=V} applies to every compared activation that has KEY, {@code -p
 * NAME.KEY=V} to that activation only.
 */
final class CompareOptions {

  @Option(names = "--data", paramLabel = "D", description = "Data set, as for train (mnist10k, digits, xor, moons, ..., csv:FILE).")
  String data;

  @Option(names = "--data-opt", paramLabel = "KEY=VALUE", description = "Data set option (repeatable).")
  Map<String, String> dataOptions = new TreeMap<>();

  @Option(names = "--model", paramLabel = "SPEC", description = "Hidden layers, as for train.")
  String model;

  @Option(names = "--acts", paramLabel = "A,B,...", split = ",", description = "Activations to compare.")
  List<String> acts;

  @Option(names = "--seeds", paramLabel = "N", description = "Runs per activation (seeds SEED, SEED+1, ...).")
  Integer seeds;

  @Option(names = "--epochs", paramLabel = "E", description = "Epochs per run.")
  Integer epochs;

  @Option(names = {"-p", "--param"}, paramLabel = "[NAME.]KEY=V", description = "Activation parameter.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--init", paramLabel = "NAME", description = "Weight initializer.")
  String init;

  @Option(names = "--opt", paramLabel = "NAME", description = "Optimizer.")
  String opt;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate.")
  Double lr;

  @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size.")
  Integer batch;

  @Option(names = "--seed", paramLabel = "S", description = "Base seed (also splits the data).")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads per run "
      + "(default: 1).")
  int threads;

  /** The comparison to run: given values over {@code d}; every value is checked before anything trains. */
  Comparison.Config resolve(CompareDefaults d) {
    List<String> names = acts != null ? acts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
        : d.acts();
    List<FunctionArgs.Fn> fns = FunctionArgs.resolve(names, params);
    Map<String, Map<String, Double>> perAct = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (FunctionArgs.Fn f : fns) {
      if (perAct.containsKey(f.id())) {
        throw new CliException("--acts names " + f.id() + " twice");
      }
      Map<String, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < f.params().length; i++) {
        m.put(f.fn().spec().params().get(i).name(), f.params()[i]);
      }
      perAct.put(f.id(), m);
      ids.add(f.id());
    }
    int s = atLeast(seeds != null ? seeds : d.seeds(), "--seeds");
    int e = atLeast(epochs != null ? epochs : d.epochs(), "--epochs");
    int b = atLeast(batch != null ? batch : d.batch(), "--batch");
    atLeast(threads, "--threads");
    double rate = lr != null ? lr : d.lr();
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new CliException("--lr must be a positive number, got " + rate);
    }
    return new Comparison.Config(data != null ? data : d.data(), dataOptions, model != null ? model.strip()
        : d.model(), ids, perAct, init != null ? init : d.init(), opt != null ? opt : d.opt(), rate, e, b,
        seed != null ? seed : d.seed(), s, threads);
  }

  /** The activations with their resolved parameters (for the gradient section of a report). */
  static List<FunctionArgs.Fn> functions(Comparison.Config c) {
    List<FunctionArgs.Fn> out = new ArrayList<>();
    for (String a : c.activations()) {
      Map<String, String> given = new LinkedHashMap<>();
      c.params().get(a).forEach((k, v) -> given.put(a + "." + k, Double.toString(v)));
      out.add(FunctionArgs.resolve(List.of(a), given).getFirst());
    }
    return out;
  }

  private static int atLeast(int v, String option) {
    if (v < 1) {
      throw new CliException(option + " must be at least 1, got " + v);
    }
    return v;
  }
}
