package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.ElmanRnn;
import org.actlab.nn.layer.GatedTanh;
import org.actlab.nn.layer.RecurrentActivation;
import org.actlab.nn.layer.TimeAwareTanh;
import org.knowm.xchart.XYChart;

/** Notes slide 11: Elman RNN state statistics over 100 steps for tanh, hardtanh, time-aware and gated tanh. */
final class RnnActivations implements Example {

  /** |h| above this counts as saturated (tanh' = 1 − 0.95² ≈ 0.1 there; hardtanh' = 0 beyond 1). */
  private static final double SATURATED = 0.95;

  @Override
  public String name() {
    return "rnn-activations";
  }

  @Override
  public String description() {
    return "Elman RNN state mean/std/saturation over 100 steps: tanh, hardtanh, time-aware and gated tanh";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("A random Elman RNN (10 inputs, 20 units, 32 sequences of N(0,1) inputs) runs 100 steps. Weights are "
        + "N(0, 0.3²), larger than the notes' 0.01 which keeps every state near 0 where all four are linear. "
        + "tanh and hardtanh settle at a stationary spread; the time-aware tanh multiplies by e^(−0.1·t), so its "
        + "states (and the gradients through them) fade to nothing: vanishing by design; the gated variant "
        + "mixes in the previous state and moves more slowly. 'saturated' is the share of |h| > 0.95.");
    int steps = ctx.quick() ? 20 : 100;
    Tensor x = new Tensor(32, steps, 10);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) r.nextGaussian();
    }
    Map<String, RecurrentActivation> acts = new java.util.LinkedHashMap<>();
    acts.put("tanh", RecurrentActivation.of("tanh"));
    acts.put("hardtanh", RecurrentActivation.of("hardtanh"));
    acts.put("time_aware_tanh", new TimeAwareTanh(0.1));
    acts.put("gated_tanh", new GatedTanh());
    XYChart chart = Util.lineChart("RNN state std per time step", "step", "std of h_t");
    List<List<String>> rows = new ArrayList<>();
    acts.forEach((name, act) -> {
      ElmanRnn rnn = new ElmanRnn(10, 20, act, true, Initializers.create("normal", "tanh", Map.of("std", 0.3)));
      rnn.initialize(new SplittableRandom(7));
      double[][] s = perStep(rnn.forward(x, Mode.EVAL), steps);
      var o = ctx.result().putObject(name);
      o.set("mean", array(ctx, s[0]));
      o.set("std", array(ctx, s[1]));
      o.set("saturated", array(ctx, s[2]));
      for (int t : new int[] {0, 1, 9, steps - 1}) {
        rows.add(List.of(name, Integer.toString(t), Util.f(s[0][t]), Util.f(s[1][t]),
            String.format(java.util.Locale.ROOT, "%.1f%%", 100 * s[2][t])));
      }
      double[] ts = new double[steps];
      for (int t = 0; t < steps; t++) {
        ts[t] = t;
      }
      Util.line(chart, name, ts, s[1]);
    });
    ctx.table(List.of("activation", "step", "mean", "std", "saturated"), rows);
    ctx.chart("rnn-std", chart);
  }

  /** Per step: mean, std and saturated share of the states [B, T, H]. */
  private static double[][] perStep(Tensor h, int steps) {
    int b = h.dim(0);
    int units = h.dim(2);
    double[][] out = new double[3][steps];
    for (int t = 0; t < steps; t++) {
      float[] v = new float[b * units];
      for (int i = 0; i < b; i++) {
        System.arraycopy(h.data(), (i * steps + t) * units, v, i * units, units);
      }
      double[] ms = Util.meanStd(v);
      long sat = 0;
      for (float f : v) {
        sat += Math.abs(f) > SATURATED ? 1 : 0;
      }
      out[0][t] = ms[0];
      out[1][t] = ms[1];
      out[2][t] = (double) sat / v.length;
    }
    return out;
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode array(ExampleContext ctx, double[] v) {
    var a = ctx.result().arrayNode();
    for (double d : v) {
      a.add(d);
    }
    return a;
  }
}
