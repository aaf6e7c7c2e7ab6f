package org.actlab.app;

import java.util.List;

/**
 * The project's main experiment, {@code actlab compare} with no arguments, in one block: every value here is a
 * default that the command line overrides. Meant to take about two minutes on two cores once matrix products
 * are fast; measure and adjust the constants here only (the help text is built from them).
 * {@link #REPORT} is the small comparison of {@code actlab report}.
 */
record CompareDefaults(String data, String model, List<String> acts, int seeds, int epochs, String init, String opt,
                       double lr, int batch, long seed) {

  static final String DATA = "mnist10k";                  // bundled 10,000 MNIST digits (8,000 train, 2,000 test)
  static final String MODEL = "dense:256,dense:256";      // two hidden layers: enough depth to see vanishing
  static final String ACTS = "relu,sigmoid,tanh,gelu";    // the notes' Keras comparison plus a modern smooth one
  static final int SEEDS = 3;                             // runs per activation (mean ± std)
  static final int EPOCHS = 20;                           // long enough to see the test loss turn (overfitting)
  static final String INIT = "kaiming_normal";
  static final String OPT = "adam";
  static final double LR = 1e-3;
  static final int BATCH = 64;
  static final long SEED = 1;
  /** Where {@code compare} writes its report unless told otherwise. */
  static final String REPORT_DIR = "actlab-report";

  /** The defaults as one line of help text. */
  static final String TEXT = DATA + ", " + MODEL + ", " + ACTS + ", " + SEEDS + " seeds, " + EPOCHS + " epochs, "
      + INIT + ", " + OPT + " lr " + LR + ", batch " + BATCH + ", seed " + SEED + ", report in ./" + REPORT_DIR
      + "/";

  static final CompareDefaults MAIN = new CompareDefaults(DATA, MODEL, List.of(ACTS.split(",")), SEEDS, EPOCHS,
      INIT, OPT, LR, BATCH, SEED);

  /** {@code actlab report}: the same question on the small 8×8 digits, seconds instead of minutes. */
  static final CompareDefaults REPORT = new CompareDefaults("digits", "dense:64,dense:64", List.of(ACTS.split(",")),
      2, 10, INIT, OPT, LR, 32, SEED);
}
