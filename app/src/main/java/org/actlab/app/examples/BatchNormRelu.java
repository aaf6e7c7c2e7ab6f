package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.actlab.nn.layer.ActivationLayer;
import org.actlab.nn.layer.BatchNorm;

/** Notes slide 5: batch normalisation followed by relu, its statistics and its effect on training. */
final class BatchNormRelu implements Example {

  @Override
  public String name() {
    return "batchnorm-relu";
  }

  @Override
  public String description() {
    return "batch norm followed by relu: statistics before/after, and training with vs without batch norm";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("Pre-activations far from zero either kill relu units (all negative) or make them linear (all "
        + "positive). Batch norm re-centres and rescales every feature over the batch, so relu sees mean 0, "
        + "std 1 and cuts about half of the values: every unit stays alive and nonlinear.");
    int b = 256;
    int f = 64;
    Tensor x = new Tensor(b, f);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < x.size(); i++) {
      int feature = i % f;
      x.data()[i] = (float) ((feature % 2 == 0 ? 3 : -3) + (1 + feature % 5) * r.nextGaussian());
    }
    Tensor bn = new BatchNorm(f).forward(x, Mode.TRAIN);
    ActivationLayer relu = ActivationLayer.of("relu", Map.of(), new SplittableRandom(2));
    List<List<String>> rows = new ArrayList<>();
    rows.add(stats(ctx, "input (shifted ±3, std 1–5)", x));
    rows.add(stats(ctx, "relu(input)", relu.forward(x, Mode.EVAL)));
    rows.add(stats(ctx, "batch norm(input)", bn));
    rows.add(stats(ctx, "relu(batch norm(input))", relu.forward(bn, Mode.EVAL)));
    ctx.table(List.of("signal", "mean", "std", "zero share", "dead units"), rows);
    ctx.say("Training the same net on the digits with and without batch norm between dense and relu:");
    var c = Util.config("digits", Map.of(), "dense:64:identity,bn,act,dense:64:identity,bn,act",
        List.of("relu"), Map.of(), "kaiming_normal", 1e-3, ctx.quick() ? 1 : 10, 32);
    Util.compare(ctx, "with_batch_norm", c);
    Util.compare(ctx, "without_batch_norm", Util.config("digits", Map.of(), "dense:64,dense:64", List.of("relu"),
        Map.of(), "kaiming_normal", 1e-3, ctx.quick() ? 1 : 10, 32));
  }

  private static List<String> stats(ExampleContext ctx, String name, Tensor t) {
    double[] ms = Util.meanStd(t.data());
    int f = t.dim(1);
    long zeros = 0;
    int dead = 0;
    for (int j = 0; j < f; j++) {
      boolean alive = false;
      for (int i = 0; i < t.dim(0); i++) {
        boolean z = t.data()[i * f + j] == 0;
        zeros += z ? 1 : 0;
        alive |= !z;
      }
      dead += alive ? 0 : 1;
    }
    double zeroShare = (double) zeros / t.size();
    var o = ctx.result().putObject(name);
    o.put("mean", ms[0]);
    o.put("std", ms[1]);
    o.put("zero_share", zeroShare);
    o.put("dead_units", dead);
    return List.of(name, Util.f(ms[0]), Util.f(ms[1]), String.format(java.util.Locale.ROOT, "%.1f%%",
        100 * zeroShare), dead + "/" + f);
  }
}
