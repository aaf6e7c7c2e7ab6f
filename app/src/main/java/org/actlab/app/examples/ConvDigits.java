package org.actlab.app.examples;

import java.util.List;
import java.util.Map;

/** Notes slide 7: a convolution layer on the 8×8 digits with relu vs leaky_relu. */
final class ConvDigits implements Example {

  @Override
  public String name() {
    return "conv-digits";
  }

  @Override
  public String description() {
    return "a conv layer (8 filters 3×3) on the 8×8 digits with relu vs leaky_relu";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("A convolution, its activation, max pooling and a dense classifier on the UCI 8×8 digits. "
        + "leaky_relu keeps a small slope (0.01) for negative inputs so a filter position never stops learning; "
        + "'dead' counts channel×position units whose output is the same for every test image.");
    Util.compare(ctx, "conv", Util.config("digits", Map.of(), ctx.quick() ? "conv:4:3:1:1,pool:max:2"
            : "conv:8:3:1:1,pool:max:2", List.of("relu", "leaky_relu"), Map.of(), "kaiming_normal", 1e-3,
        ctx.quick() ? 1 : 15, 32));
  }
}
