package org.actlab.app.examples;

import java.util.List;
import java.util.Map;

/** Several activations on a 2-D two-class problem that needs a curved boundary. */
final class BinaryClassification implements Example {

  @Override
  public String name() {
    return "binary-classification";
  }

  @Override
  public String description() {
    return "relu, leaky_relu, tanh, sigmoid, gelu on the two-moons data set (a curved 2-D boundary)";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("Two interleaved half-moons cannot be separated by a line: the hidden layers must bend the boundary, "
        + "and every nonlinear activation can. Small nets show the differences in speed: sigmoid's small, "
        + "non-zero-centred outputs slow it down, relu may lose units (dead) at a large learning rate.");
    Util.compare(ctx, "moons", Util.config("moons", Map.of("n", ctx.quick() ? "200" : "1000", "noise", "0.2"),
        "dense:16,dense:16", List.of("relu", "leaky_relu", "tanh", "sigmoid", "gelu"), Map.of(), "kaiming_normal",
        1e-2, ctx.quick() ? 2 : 40, 32));
  }
}
