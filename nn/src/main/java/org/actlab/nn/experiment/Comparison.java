package org.actlab.nn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.actlab.nn.Tensor;
import org.actlab.nn.data.Dataset;
import org.actlab.nn.data.Datasets;
import org.actlab.nn.spec.ModelBuilder;
import org.actlab.nn.spec.Toolkit;
import org.actlab.nn.train.EpochMetrics;
import org.actlab.nn.train.Model;
import org.actlab.nn.train.Trainer;
import org.actlab.nn.train.TrainingListener;

/**
 * The lab's main experiment: the same network trained with each activation and each seed, then summarised per
 * activation (mean ± std over seeds of the test accuracy, final test loss, epoch time, dead-unit fraction and
 * gradient-norm ratio, see {@link Probes}) with mean per-epoch curves.
 *
 * <p>The data set is loaded (and split) once with the base seed, so every run sees the same train and test sets;
 * run {@code k} of an activation uses seed {@code base + k} for its initialisation and shuffles, so activation A
 * and activation B with the same seed start from the same weight draw wherever their initializer agrees.
 */
public final class Comparison {

  /** Evaluation batch of the probes: the first test samples, at most this many. */
  public static final int PROBE_SAMPLES = 512;

  /**
   * What to compare.
   *
   * @param params per activation id, its parameters (missing: defaults)
   * @param seeds  runs per activation, seeds {@code seed, seed + 1, ...}
   */
  public record Config(String data, Map<String, String> dataOptions, String model, List<String> activations,
                       Map<String, Map<String, Double>> params, String init, String opt, double lr, int epochs,
                       int batch, long seed, int seeds, int threads) {
    public Config {
      if (activations.isEmpty()) {
        throw new IllegalArgumentException("name at least one activation to compare");
      }
      if (seeds < 1 || epochs < 1 || batch < 1 || threads < 1) {
        throw new IllegalArgumentException("seeds, epochs, batch and threads must be at least 1 (got seeds="
            + seeds + ", epochs=" + epochs + ", batch=" + batch + ", threads=" + threads + ")");
      }
      activations = List.copyOf(activations);
      params = Map.copyOf(params);
      dataOptions = Map.copyOf(dataOptions);
    }
  }

  /** Progress: a run is about to start; its training events follow through the returned listener. */
  public interface Listener {
    TrainingListener onRun(String activation, long seed, int index, int total);
  }

  private Comparison() {}

  /**
   * Runs every (activation, seed) pair in order.
   *
   * @throws IllegalArgumentException (or a {@code DataException}/{@code SpecException}) for bad input, before any
   *                                  training when the first run's model cannot be built
   */
  public static ComparisonResult run(Config c, Listener listener) {
    Dataset d = Datasets.load(c.data(), c.seed(), c.dataOptions());
    Toolkit kit = Toolkit.standard();
    for (String act : c.activations()) {
      build(kit, c, d, act, c.seed()); // fail on any bad activation before hours of training
    }
    int probe = Math.min(PROBE_SAMPLES, d.testSize());
    Tensor px = Probes.firstRows(d.xTest(), probe);
    Tensor py = Probes.firstRows(d.yTest(), probe);
    Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    int total = c.activations().size() * c.seeds();
    int index = 0;
    for (String act : c.activations()) {
      List<RunResult> list = new ArrayList<>();
      for (int k = 0; k < c.seeds(); k++) {
        long seed = c.seed() + k;
        TrainingListener l = listener.onRun(act, seed, ++index, total);
        Model m = build(kit, c, d, act, seed);
        Trainer t = new Trainer(m, kit.optimizer(c.opt(), Map.of("lr", c.lr())),
            new Trainer.Config(c.epochs(), c.batch(), seed, c.threads()));
        t.initialize();
        List<EpochMetrics> history = t.fit(d, l == null ? new TrainingListener() {} : l);
        list.add(new RunResult(act, seed, history, Probes.deadFraction(m, px), Probes.gradientRatio(m, px, py)));
      }
      runs.put(act, list);
    }
    List<ActivationSummary> out = new ArrayList<>();
    runs.forEach((act, list) -> out.add(ActivationSummary.of(act, list)));
    return new ComparisonResult(c, d.name(), d.description(), d.trainSize(), d.testSize(), d.classification(),
        out);
  }

  private static Model build(Toolkit kit, Config c, Dataset d, String act, long seed) {
    return ModelBuilder.build(kit, c.model(), new ModelBuilder.Options(d.sampleShape(), d.outputs(),
        d.classification(), act, c.params().getOrDefault(act, Map.of()), c.init(), seed));
  }
}
