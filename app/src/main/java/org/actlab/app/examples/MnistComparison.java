package org.actlab.app.examples;

import java.util.List;
import java.util.Map;

/** Notes 004: the Keras MNIST experiment, relu vs sigmoid vs tanh in the same dense network. */
final class MnistComparison implements Example {

  @Override
  public String name() {
    return "mnist-relu-sigmoid-tanh";
  }

  @Override
  public String description() {
    return "relu vs sigmoid vs tanh in the same dense network on MNIST digits (notes 004, Keras experiment)";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("The notes train one dense network on MNIST three times, changing only the hidden activation. relu "
        + "learns fastest (no saturation for x > 0, cheap), tanh next (zero-centred but saturating), sigmoid last "
        + "(not zero-centred, f' <= 0.25: gradients shrink at every layer).");
    Map<String, String> data = ctx.quick() ? Map.of("train", "500", "test", "200") : Map.of();
    var r = Util.compare(ctx, "mnist", Util.config("mnist10k", data, ctx.quick() ? "dense:16" : "dense:128,dense:128",
        List.of("relu", "sigmoid", "tanh"), Map.of(), "xavier_uniform", 1e-3, ctx.quick() ? 1 : 5, 64));
    var byAccuracy = r.summaries().stream().sorted(java.util.Comparator.comparingDouble(
        (org.actlab.nn.experiment.ActivationSummary s) -> -s.testAccuracyMean())).map(s -> s.activation()).toList();
    ctx.result().putPOJO("ranking", byAccuracy);
    ctx.say("Measured ranking by test accuracy: " + String.join(" > ", byAccuracy) + ". The grad ratio compares "
        + "the first layer's weight gradient with the last layer's: the smaller it is, the less the input layer "
        + "learns per step.");
  }
}
