package org.actlab.app.examples;

import java.util.List;
import java.util.Optional;

/** The examples, in the order of the notes' experiments: the one list, no switch on names. */
public final class Examples {

  private static final List<Example> ALL = List.of(new MnistComparison(), new BinaryClassification(),
      new AdaptiveSinCos(), new ConvDigits(), new BatchNormRelu(), new RnnActivations(), new AttentionPatterns(),
      new GenerativeActivations(), new SnakePeriodic());

  private Examples() {}

  public static List<Example> all() {
    return ALL;
  }

  public static Optional<Example> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
