package org.actlab.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.actlab.nn.data.DataException;
import org.actlab.nn.data.Dataset;
import org.actlab.nn.data.Datasets;
import org.actlab.nn.spec.ModelBuilder;
import org.actlab.nn.spec.Toolkit;
import org.actlab.nn.train.Checkpoint;
import org.actlab.nn.train.CheckpointException;
import org.actlab.nn.train.Checkpoints;
import org.actlab.nn.train.EpochMetrics;
import org.actlab.nn.train.Evaluation;
import org.actlab.nn.train.Model;
import org.actlab.nn.train.Trainer;
import org.actlab.nn.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code actlab train}: trains a model spec on a data set, prints per-epoch metrics, saves/loads checkpoints. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Train a network on a data set and print one line per epoch (train loss, test loss, test "
        + "accuracy, seconds) and a final summary. Unset options take the data set's defaults (e.g. mnist10k: "
        + "dense:256,dense:256, relu, kaiming_normal, adam, lr 1e-3, 5 epochs, batch 64); the output layer and "
        + "the loss follow from the data set.",
        "Model specs: comma-separated layers, e.g. dense:256,dense:256 or conv:16:3:1:1,pool:max:2,flatten,dense:64 "
            + "(kinds: dense, conv, pool, flatten, bn, dropout, alphadropout, act, rnn, attention, residual(...)).",
        "With --load the data set, model, activation, initializer, optimizer, lr, batch and seed come from the "
            + "checkpoint (giving a different value is an error); --epochs is the total to reach."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--data", paramLabel = "D", description = "Data set: mnist10k, digits, xor, circles, moons, "
      + "spirals, blobs, sincos, periodic, csv:FILE (label in the last column) or idx:IMAGES,LABELS.")
  private String data;

  @Option(names = "--data-opt", paramLabel = "KEY=VALUE", description = "Data set option (repeatable), e.g. "
      + "n=500, noise=0.2, train=1000, test=500, stratify=false, header=true.")
  private Map<String, String> dataOptions = new TreeMap<>();

  @Option(names = "--model", paramLabel = "SPEC", description = "Hidden layers (see above).")
  private String model;

  @Option(names = "--act", paramLabel = "NAME", description = "Default activation of the hidden layers.")
  private String act;

  @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "Activation parameter (repeatable).")
  private Map<String, String> params = new TreeMap<>();

  @Option(names = "--init", paramLabel = "NAME", description = "Weight initializer.")
  private String init;

  @Option(names = "--opt", paramLabel = "NAME", description = "Optimizer.")
  private String opt;

  @Option(names = "--lr", paramLabel = "X", description = "Learning rate.")
  private Double lr;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs in total (counting a loaded checkpoint's).")
  private Integer epochs;

  @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size.")
  private Integer batch;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the split, initialisation, shuffles and "
      + "dropout (default: 1).")
  private Long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Threads for the layers "
      + "(results are deterministic per seed and thread count; default: 1).")
  private int threads;

  @Option(names = "--json", description = "Print one JSON object at the end instead of text.")
  private boolean json;

  @Option(names = "--save", paramLabel = "FILE", description = "Write a checkpoint after every epoch (atomically).")
  private Path save;

  @Option(names = "--overwrite", description = "Allow --save to replace an existing file.")
  private boolean overwrite;

  @Option(names = "--load", paramLabel = "FILE", description = "Start from a checkpoint (resume or evaluate).")
  private Path load;

  @Option(names = "--eval-only", description = "Only evaluate the --load checkpoint on the test set.")
  private boolean evalOnly;

  @Option(names = "--progress", negatable = true, description = "Show a progress bar on standard error "
      + "(default: when standard error is a terminal and not --json).")
  private Boolean progress;

  @Override
  public Integer call() {
    checkFlags();
    Checkpoint ckpt = load == null ? null : user(() -> Checkpoints.load(load));
    Map<String, String> config = TrainConfig.resolve(this, ckpt == null ? null : ckpt.meta());
    Dataset d = user(() -> Datasets.load(config.get("data"), Long.parseLong(config.get("seed")),
        TrainConfig.options(config.get("data_options"), "--data-opt")));
    Toolkit kit = Toolkit.standard();
    Model m = user(() -> ModelBuilder.build(kit, config.get("model"), new ModelBuilder.Options(d.sampleShape(),
        d.outputs(), d.classification(), config.get("act"), TrainConfig.numbers(config.get("params")),
        config.get("init"), Long.parseLong(config.get("seed")))));
    Trainer t = new Trainer(m, user(() -> kit.optimizer(config.get("opt"),
        Map.of("lr", Double.parseDouble(config.get("lr"))))), new Trainer.Config(
        Integer.parseInt(config.get("epochs")), Integer.parseInt(config.get("batch")),
        Long.parseLong(config.get("seed")), threads));
    if (ckpt != null) {
      user(() -> {
        ckpt.restore(t);
        return t;
      });
    } else {
      t.initialize();
    }
    PrintWriter out = spec.commandLine().getOut();
    TrainReport report = new TrainReport(out, json);
    report.intro(List.of("data " + d.name() + ": " + d.description() + " (" + d.trainSize() + " train, "
        + d.testSize() + " test)", "model " + m.describe().replace("\n", "\n  "), "optimizer "
        + t.optimizer().describe() + ", batch " + t.config().batch() + ", seed " + t.config().seed()
        + (ckpt == null ? "" : ", resumed at epoch " + t.epoch())));
    Evaluation last = evalOnly ? t.evaluate(d.xTest(), d.yTest()) : train(t, d, report, config);
    Map<String, String> shown = new LinkedHashMap<>(config);
    shown.put("threads", Integer.toString(threads));
    report.finish(last, t.epoch(), shown, m.parameterCount());
    return 0;
  }

  private Evaluation train(Trainer t, Dataset d, TrainReport report, Map<String, String> config) {
    boolean[] saved = {false};
    TrainingListener saver = new TrainingListener() {
      @Override
      public void onEpoch(EpochMetrics m) {
        report.onEpoch(m);
        if (save != null) {
          user(() -> {
            Checkpoints.save(save, Checkpoint.of(t, config), overwrite || saved[0]);
            return saved[0] = true;
          });
        }
      }
    };
    boolean bar = progress != null ? progress : System.console() != null && !json;
    List<EpochMetrics> ms = t.fit(d, bar ? new ProgressRenderer(spec.commandLine().getErr(), saver) : saver);
    if (save != null && !saved[0]) {
      user(() -> {
        Checkpoints.save(save, Checkpoint.of(t, config), overwrite);
        return true;
      });
    }
    if (ms.isEmpty()) {
      return t.evaluate(d.xTest(), d.yTest());
    }
    EpochMetrics m = ms.getLast();
    return new Evaluation(m.testLoss(), m.testAccuracy(), d.testSize());
  }

  private void checkFlags() {
    if (evalOnly && load == null) {
      throw new CliException("--eval-only needs a checkpoint: add --load FILE");
    }
    if (evalOnly && save != null) {
      throw new CliException("--eval-only does not train, so --save has nothing new to write; drop --save");
    }
    if (overwrite && save == null) {
      throw new CliException("--overwrite only applies to --save FILE");
    }
    if (save != null && !overwrite && Files.exists(save)) {
      throw new CliException("'" + save + "' already exists; choose another --save file or add --overwrite");
    }
    if (threads < 1) {
      throw new CliException("--threads must be at least 1");
    }
  }

  /** Runs {@code body}, turning the nn layer's user-facing errors into exit-2 CLI errors. */
  static <T> T user(Supplier<T> body) {
    try {
      return body.get();
    } catch (DataException | CheckpointException | IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  String data() {
    return data;
  }

  Map<String, String> dataOptions() {
    return dataOptions;
  }

  String model() {
    return model;
  }

  String act() {
    return act;
  }

  Map<String, String> params() {
    return params;
  }

  String init() {
    return init;
  }

  String opt() {
    return opt;
  }

  Double lr() {
    return lr;
  }

  Integer epochs() {
    return epochs;
  }

  Integer batch() {
    return batch;
  }

  Long seed() {
    return seed;
  }
}
