package org.actlab.app;

/**
 * The default experiment of each data set: a small MLP that trains in seconds to minutes on a laptop core.
 * Every value can be overridden on the command line.
 */
record TrainDefaults(String model, String act, String init, String opt, double lr, int epochs, int batch) {

  static TrainDefaults of(String data) {
    return switch (data) {
      case "mnist10k" -> new TrainDefaults("dense:256,dense:256", "relu", "kaiming_normal", "adam", 1e-3, 5, 64);
      case "digits" -> new TrainDefaults("dense:64,dense:64", "relu", "kaiming_normal", "adam", 1e-3, 20, 32);
      case "sincos" -> new TrainDefaults("dense:64,dense:64", "tanh", "xavier_uniform", "adam", 1e-3, 50, 32);
      // Snake's use case (Liu Ziyin et al. 2020): a periodic signal extrapolated beyond the training interval.
      case "periodic" -> new TrainDefaults("dense:64,dense:64", "snake", "xavier_uniform", "adam", 1e-3, 100, 32);
      case "spirals" -> new TrainDefaults("dense:64,dense:64", "relu", "kaiming_normal", "adam", 1e-2, 100, 32);
      default -> new TrainDefaults("dense:32,dense:32", "relu", "kaiming_normal", "adam", 1e-2, 50, 32);
    };
  }
}
