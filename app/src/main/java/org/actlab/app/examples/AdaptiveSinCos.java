package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.actlab.nn.Parameter;
import org.actlab.nn.data.Dataset;
import org.actlab.nn.data.Datasets;
import org.actlab.nn.spec.ModelBuilder;
import org.actlab.nn.spec.Toolkit;
import org.actlab.nn.train.EpochMetrics;
import org.actlab.nn.train.Model;
import org.actlab.nn.train.Trainer;
import org.actlab.nn.train.TrainingListener;

/** Notes slide 9: adaptive_swish α·x·σ(βx) with learnable α, β fitting sin(x0) + cos(x1). */
final class AdaptiveSinCos implements Example {

  @Override
  public String name() {
    return "adaptive-sincos";
  }

  @Override
  public String description() {
    return "adaptive_swish with learnable alpha, beta (alpha starts at 0.2 as in the notes) fitting sin(x0)+cos(x1)";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("adaptive_swish(x) = alpha·x·sigmoid(beta·x) learns its own shape: alpha scales it, beta moves it "
        + "between a scaled linear function (beta → 0) and relu (beta → ∞). As in the notes, alpha starts at 0.2 "
        + "and beta at 1; one (alpha, beta) pair per layer, trained with the weights by backpropagation.");
    Dataset d = Datasets.load("sincos", 1, Map.of("n", ctx.quick() ? "200" : "2000"));
    Toolkit kit = Toolkit.standard();
    Model m = ModelBuilder.build(kit, "dense:32,dense:32", new ModelBuilder.Options(d.sampleShape(), d.outputs(),
        false, "adaptive_swish", Map.of("alpha", 0.2), "xavier_uniform", 1));
    Trainer t = new Trainer(m, kit.optimizer("adam", Map.of("lr", 3e-3)), new Trainer.Config(ctx.quick() ? 2 : 60,
        32, 1, 1));
    t.initialize();
    List<EpochMetrics> h = t.fit(d, new TrainingListener() {});
    ctx.say(String.format(java.util.Locale.ROOT, "%s: test MSE %s after epoch 1, %s after epoch %d", d.name(),
        Util.f(h.getFirst().testLoss()), Util.f(h.getLast().testLoss()), h.size()));
    List<List<String>> rows = new ArrayList<>();
    var learned = ctx.result().putObject("learned");
    for (Parameter p : m.parameters()) {
      String n = p.name();
      if (n.endsWith(".alpha") || n.endsWith(".beta")) {
        double v = p.value().data()[0];
        rows.add(List.of(n, n.endsWith(".alpha") ? "0.2" : "1", Util.f(v)));
        learned.put(n, v);
      }
    }
    ctx.table(List.of("parameter", "initial", "learned"), rows);
    ctx.result().put("test_mse_first_epoch", h.getFirst().testLoss());
    ctx.result().put("test_mse", h.getLast().testLoss());
    ctx.result().put("epochs", h.size());
  }
}
