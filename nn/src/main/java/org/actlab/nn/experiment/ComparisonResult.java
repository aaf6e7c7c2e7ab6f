package org.actlab.nn.experiment;

import java.util.List;

/**
 * A finished comparison: its configuration, the data set it ran on and one summary per activation, in the
 * configured order.
 */
public record ComparisonResult(Comparison.Config config, String dataName, String dataDescription, int trainSize,
                               int testSize, boolean classification, List<ActivationSummary> summaries) {

  public ComparisonResult {
    summaries = List.copyOf(summaries);
  }
}
