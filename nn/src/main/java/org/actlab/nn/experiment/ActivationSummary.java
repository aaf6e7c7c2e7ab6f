package org.actlab.nn.experiment;

import java.util.List;
import java.util.function.ToDoubleFunction;

import org.actlab.nn.train.EpochMetrics;

/**
 * One activation's runs, summarised over seeds. Standard deviations are sample deviations (n − 1), 0 for one
 * seed. Curves are per-epoch means over seeds (index 0 is epoch 1).
 */
public record ActivationSummary(String activation, List<RunResult> runs, double testAccuracyMean,
                                double testAccuracyStd, double finalLossMean, double epochSecondsMean,
                                double deadFractionMean, double gradRatioMean, double[] trainLossCurve,
                                double[] testLossCurve, double[] testAccuracyCurve) {

  static ActivationSummary of(String activation, List<RunResult> runs) {
    double[] acc = runs.stream().mapToDouble(RunResult::testAccuracy).toArray();
    return new ActivationSummary(activation, List.copyOf(runs), mean(acc), std(acc),
        mean(runs, RunResult::testLoss), mean(runs, RunResult::meanEpochSeconds),
        mean(runs, RunResult::deadFraction), mean(runs, RunResult::gradRatio),
        curve(runs, EpochMetrics::trainLoss), curve(runs, EpochMetrics::testLoss),
        curve(runs, EpochMetrics::testAccuracy));
  }

  private static double mean(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
    return mean(runs.stream().mapToDouble(f).toArray());
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Sample standard deviation; 0 for a single value. */
  static double std(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double q = 0;
    for (double x : v) {
      q += (x - m) * (x - m);
    }
    return Math.sqrt(q / (v.length - 1));
  }

  private static double[] curve(List<RunResult> runs, ToDoubleFunction<EpochMetrics> f) {
    int epochs = runs.stream().mapToInt(r -> r.history().size()).min().orElse(0);
    double[] c = new double[epochs];
    for (int e = 0; e < epochs; e++) {
      for (RunResult r : runs) {
        c[e] += f.applyAsDouble(r.history().get(e)) / runs.size();
      }
    }
    return c;
  }
}
