package org.actlab.nn.experiment;

import java.util.List;

import org.actlab.nn.train.EpochMetrics;

/**
 * One training run of a comparison.
 *
 * @param history      per-epoch metrics (the last one holds the final test loss and accuracy)
 * @param deadFraction share of dead hidden units after training ({@link Probes#deadFraction})
 * @param gradRatio    first- over last-layer weight-gradient norm after training ({@link Probes#gradientRatio})
 */
public record RunResult(String activation, long seed, List<EpochMetrics> history, double deadFraction,
                        double gradRatio) {

  public RunResult {
    history = List.copyOf(history);
  }

  public double testAccuracy() {
    return history.getLast().testAccuracy();
  }

  public double testLoss() {
    return history.getLast().testLoss();
  }

  public double meanEpochSeconds() {
    return history.stream().mapToDouble(EpochMetrics::seconds).average().orElse(Double.NaN);
  }
}
