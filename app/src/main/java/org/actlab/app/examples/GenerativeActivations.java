package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.Dense;

/** Notes slide 14: a generator layer's output statistics for softplus, scaled_tanh, prelu and gaussian_glu. */
final class GenerativeActivations implements Example {

  @Override
  public String name() {
    return "generative-activations";
  }

  @Override
  public String description() {
    return "a generator layer on latent vectors: output statistics of softplus, scaled_tanh, prelu, gaussian_glu";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("As in the notes: 64 latent vectors z ~ N(0, I_100) through one dense layer (weights N(0, 0.02²), "
        + "zero bias) to 256 units, then each activation. With such small weights the pre-activations have std "
        + "≈ 0.2, so softplus sits near ln 2 ≈ 0.69 (never negative: fine for scales and rates), scaled_tanh and "
        + "prelu are nearly linear and zero-centred, and the gaussian gate exp(−b²/2) is nearly 1. gaussian_glu "
        + "gets [z, z] (200 inputs) and halves the width; ActLab gates the second half (PyTorch's GLU convention, "
        + "the notes gate the first).");
    Tensor z = new Tensor(64, 100);
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < z.size(); i++) {
      z.data()[i] = (float) r.nextGaussian();
    }
    Tensor zz = new Tensor(64, 200);
    for (int i = 0; i < 64; i++) {
      System.arraycopy(z.data(), i * 100, zz.data(), i * 200, 100);
      System.arraycopy(z.data(), i * 100, zz.data(), i * 200 + 100, 100);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String act : List.of("softplus", "scaled_tanh", "prelu", "gaussian_glu")) {
      boolean glu = act.equals("gaussian_glu");
      Dense layer = new Dense(glu ? 200 : 100, 256, act, Map.of(), Initializers.create("normal", "identity",
          Map.of("std", 0.02)));
      layer.initialize(new SplittableRandom(12));
      float[] out = layer.forward(glu ? zz : z, Mode.EVAL).data();
      double[] ms = Util.meanStd(out);
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (float v : out) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      rows.add(List.of(act, Util.f(ms[0]), Util.f(ms[1]), Util.f(min), Util.f(max)));
      var o = ctx.result().putObject(act);
      o.put("mean", ms[0]);
      o.put("std", ms[1]);
      o.put("min", min);
      o.put("max", max);
    }
    ctx.table(List.of("activation", "mean", "std", "min", "max"), rows);
  }
}
