package org.actlab.app;

import java.util.List;

/**
 * The project's main experiment, {@code actlab compare} with no arguments, in one block: every value here is a
 * default that the command line overrides. Sized to take about two minutes on two cores once matrix products
 * are fast; measure and adjust here only. {@link #REPORT} is the small comparison of {@code actlab report}.
 */
record CompareDefaults(String data, String model, List<String> acts, int seeds, int epochs, String init, String opt,
                       double lr, int batch, long seed) {

  static final CompareDefaults MAIN = new CompareDefaults(
      "mnist10k",                               // bundled 10,000 MNIST digits (8,000 train, 2,000 test)
      "dense:128",                              // one hidden layer of 128 units
      List.of("relu", "sigmoid", "tanh", "gelu"), // the notes' Keras comparison plus a modern smooth one
      2,                                        // seeds per activation (mean ± std)
      3,                                        // epochs
      "kaiming_normal", "adam", 1e-3, 64, 1L);

  /** {@code actlab report}: the same question on the small 8×8 digits, seconds instead of minutes. */
  static final CompareDefaults REPORT = new CompareDefaults("digits", "dense:64", List.of("relu", "sigmoid",
      "tanh", "gelu"), 2, 10, "kaiming_normal", "adam", 1e-3, 32, 1L);

  /** Where {@code compare} writes its report unless told otherwise. */
  static final String REPORT_DIR = "actlab-report";
}
