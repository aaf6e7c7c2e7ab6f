package org.actlab.nn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import org.actlab.nn.Mode;
import org.actlab.nn.Optimizer;
import org.actlab.nn.math.Gemm;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.data.Dataset;
import org.actlab.nn.optim.GradClipper;
import org.actlab.nn.optim.LrSchedule;

/**
 * Mini-batch training with per-epoch metrics. All randomness comes from the seed: the parameters are initialised
 * from stream {@link Seeds#INIT}, epoch e shuffles with stream ({@link Seeds#SHUFFLE}, e) and reseeds stochastic
 * layers with ({@link Seeds#LAYERS}, e). So a run is a function of (model, data, config), and a run resumed from
 * an epoch-end checkpoint continues bit for bit. The last batch of an epoch may be smaller than the others.
 *
 * <p>{@code threads} bounds the parallelism of the layers: training runs inside a dedicated
 * {@link ForkJoinPool} of that size, so parallel streams and fork/join tasks in layers and kernels use it, never
 * the common pool. Results are deterministic for a given seed and thread count.
 */
public final class Trainer {

  /** Epochs to reach (total, counting resumed ones), batch size, seed and threads. */
  public record Config(int epochs, int batch, long seed, int threads) {
    public Config {
      if (epochs < 0 || batch < 1 || threads < 1) {
        throw new IllegalArgumentException("need epochs ≥ 0, batch ≥ 1, threads ≥ 1; got epochs=" + epochs
            + ", batch=" + batch + ", threads=" + threads);
      }
    }
  }

  private final Model model;
  private final Optimizer optimizer;
  private final Config config;
  private final double baseRate;
  private LrSchedule schedule;
  private GradClipper clipper;
  private int epoch;
  private long step;

  public Trainer(Model model, Optimizer optimizer, Config config) {
    this.model = model;
    this.optimizer = optimizer;
    this.config = config;
    this.baseRate = optimizer.learningRate();
  }

  /** Initialises the parameters from the seed (skip this when restoring a checkpoint). */
  public void initialize() {
    model.initialize(Seeds.stream(config.seed(), Seeds.INIT, 0));
  }

  /** A learning rate per epoch, applied before the epoch's first step (none: the optimizer's rate throughout). */
  public void setSchedule(LrSchedule schedule) {
    this.schedule = schedule;
  }

  /** Gradient clipping between backward and each optimizer step (none: no clipping). */
  public void setClipper(GradClipper clipper) {
    this.clipper = clipper;
  }

  /** Epochs completed so far (including those of a restored checkpoint). */
  public int epoch() {
    return epoch;
  }

  /** Optimizer steps taken so far. */
  public long step() {
    return step;
  }

  public Model model() {
    return model;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Config config() {
    return config;
  }

  /** The learning rate the optimizer was configured with (schedules scale it). */
  public double baseRate() {
    return baseRate;
  }

  /** Sets the progress counters, e.g. from a checkpoint. */
  void restoreProgress(int epoch, long step) {
    this.epoch = epoch;
    this.step = step;
  }

  /** Trains from the current epoch up to {@code config.epochs()}, returning this call's metrics. */
  public List<EpochMetrics> fit(Dataset data, TrainingListener listener) {
    int before = Gemm.threads();
    Gemm.setThreads(config.threads()); // the matrix products are where threads pay; results do not depend on it
    try {
      if (config.threads() == 1) {
        return fitHere(data, listener);
      }
      try (ForkJoinPool pool = new ForkJoinPool(config.threads())) {
        return pool.submit(() -> fitHere(data, listener)).join();
      }
    } finally {
      Gemm.setThreads(before);
    }
  }

  private List<EpochMetrics> fitHere(Dataset data, TrainingListener listener) {
    int n = data.trainSize();
    int batches = (n + config.batch() - 1) / config.batch();
    listener.onStart(epoch + 1, config.epochs(), batches);
    List<EpochMetrics> out = new ArrayList<>();
    while (epoch < config.epochs()) {
      long t0 = System.nanoTime();
      double trainLoss = trainEpoch(data, listener, batches);
      Evaluation e = evaluate(data.xTest(), data.yTest());
      epoch++;
      EpochMetrics m = new EpochMetrics(epoch, trainLoss, e.loss(), e.accuracy(),
          (System.nanoTime() - t0) / 1e9, optimizer.learningRate());
      out.add(m);
      listener.onEpoch(m);
    }
    return out;
  }

  private double trainEpoch(Dataset data, TrainingListener listener, int batches) {
    int n = data.trainSize();
    int[] order = Batches.permutation(n, Seeds.stream(config.seed(), Seeds.SHUFFLE, epoch));
    model.reseed(Seeds.stream(config.seed(), Seeds.LAYERS, epoch));
    if (schedule != null) {
      schedule.apply(optimizer, baseRate, epoch);
    }
    List<Parameter> params = model.parameters();
    double sum = 0;
    for (int b = 0; b < batches; b++) {
      int from = b * config.batch();
      int to = Math.min(n, from + config.batch());
      Tensor x = Batches.rows(data.xTrain(), order, from, to);
      Tensor y = Batches.rows(data.yTrain(), order, from, to);
      params.forEach(Parameter::zeroGrad);
      Tensor out = model.forward(x, Mode.TRAIN);
      double loss = model.loss().forward(out, y);
      model.backward(model.loss().backward());
      if (clipper != null) {
        clipper.clip(params);
      }
      optimizer.step(params);
      step++;
      sum += loss * (to - from);
      listener.onBatch(epoch + 1, b + 1, loss);
    }
    return sum / n;
  }

  /** Mean loss and accuracy on ({@code x}, {@code y}) in EVAL mode, in batches; parameters are not touched. */
  public Evaluation evaluate(Tensor x, Tensor y) {
    int n = x.dim(0);
    int chunk = Math.max(config.batch(), 256);
    double lossSum = 0;
    long correct = 0;
    for (int from = 0; from < n; from += chunk) {
      int to = Math.min(n, from + chunk);
      Tensor xb = Batches.rows(x, null, from, to);
      Tensor yb = Batches.rows(y, null, from, to);
      Tensor out = model.forward(xb, Mode.EVAL);
      lossSum += model.loss().forward(out, yb) * (to - from);
      if (model.classification()) {
        correct += Batches.correct(out, yb);
      }
    }
    double accuracy = model.classification() && n > 0 ? (double) correct / n : Double.NaN;
    return new Evaluation(n == 0 ? Double.NaN : lossSum / n, accuracy, n);
  }
}
