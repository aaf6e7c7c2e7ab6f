package org.actlab.app.examples;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Snake (Liu Ziyin et al. 2020) on a periodic series: extrapolation beyond the training interval. */
final class SnakePeriodic implements Example {

  @Override
  public String name() {
    return "snake-periodic";
  }

  @Override
  public String description() {
    return "snake vs relu vs tanh extrapolating sin(x)+0.5·sin(3x) from [0, 4π) to [4π, 6π)";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("The networks see the signal on [0, 4π) only and are tested on [4π, 6π). relu nets continue "
        + "linearly and tanh nets flatten out outside the data; snake, x + sin²(αx)/α, has a periodic part "
        + "built in, so it can continue the oscillation. The test loss is the extrapolation error (MSE).");
    Util.compare(ctx, "periodic", Util.config("periodic", ctx.quick() ? Map.of("train", "200", "test", "50")
            : Map.of(), "dense:64,dense:64", List.of("snake", "relu", "tanh"), Map.of(), "xavier_uniform", 1e-3,
        ctx.quick() ? 2 : 100, 32));
    JsonNode rows = ctx.result().get("periodic");
    double snake = rows.get(0).get("test_loss").asDouble();
    double best = Math.min(rows.get(1).get("test_loss").asDouble(), rows.get(2).get("test_loss").asDouble());
    ctx.result().put("snake_over_best_other", snake / best);
    ctx.say("snake's extrapolation error is " + Util.f(snake / best) + " × the better of relu and tanh.");
  }
}
