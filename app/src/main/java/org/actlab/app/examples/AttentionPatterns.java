package org.actlab.app.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.Pointwise;
import org.actlab.nn.layer.SelfAttention;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** Notes slide 12: self-attention with tanh on Q and K, relu on V, GELU on the output; attention heat map. */
final class AttentionPatterns implements Example {

  @Override
  public String name() {
    return "attention";
  }

  @Override
  public String description() {
    return "self-attention with the notes' activations (tanh Q/K, relu V, gelu out): attention patterns, heat map";
  }

  @Override
  public void run(ExampleContext ctx) {
    ctx.say("16 random sequences of 10 tokens (32 features) go through one attention layer with the notes' "
        + "activations. tanh bounds Q and K, so a logit is at most d_k/√d_k = √32 ≈ 5.7 and the softmax cannot "
        + "collapse onto one key. With the notes' tiny weights (0.01) every row is uniform (entropy ln 10 ≈ 2.30: "
        + "attention does nothing); with Xavier weights the patterns become selective.");
    int b = 16;
    int steps = 10;
    int d = 32;
    Tensor x = new Tensor(b, steps, d);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < x.size(); i++) {
      x.data()[i] = (float) r.nextGaussian();
    }
    List<List<String>> rows = new ArrayList<>();
    double[][] shown = null;
    for (String[] init : new String[][] {{"normal(0.01) as in the notes", "normal", "0.01"},
        {"xavier_normal", "xavier_normal", ""}}) {
      var ini = init[2].isEmpty() ? Initializers.create(init[1], "tanh", Map.of())
          : Initializers.create(init[1], "tanh", Map.of("std", Double.parseDouble(init[2])));
      SelfAttention att = new SelfAttention(d, d, Pointwise.of("tanh"), Pointwise.of("tanh"), Pointwise.of("relu"),
          Pointwise.of("gelu"), ini);
      att.initialize(new SplittableRandom(5));
      att.forward(x, Mode.EVAL);
      double[][] first = firstSequence(att.attention(), steps);
      double[] es = entropyAndMax(att.attention(), b * steps, steps);
      rows.add(List.of(init[0], Util.f(es[0]), Util.f(es[1])));
      var o = ctx.result().putObject(init[1]);
      o.put("mean_row_entropy", es[0]);
      o.put("mean_row_max", es[1]);
      shown = first;
    }
    ctx.table(List.of("weights", "mean row entropy (uniform 2.3026)", "mean largest weight (uniform 0.1)"), rows);
    HeatMapChart chart = new HeatMapChartBuilder().width(700).height(600)
        .title("attention weights of sequence 1 (xavier weights)").xAxisTitle("key position")
        .yAxisTitle("query position").build();
    List<Number[]> cells = new ArrayList<>();
    List<Integer> pos = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      pos.add(i);
      for (int j = 0; j < steps; j++) {
        cells.add(new Number[] {j, i, shown[i][j]});
      }
    }
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries("attention", pos, pos, cells);
    ctx.chart("attention-heatmap", chart);
  }

  /** The first sequence's attention matrix (a mean over random sequences would wash the patterns out). */
  private static double[][] firstSequence(Tensor a, int steps) {
    double[][] m = new double[steps][steps];
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < steps; j++) {
        m[i][j] = a.data()[i * steps + j];
      }
    }
    return m;
  }

  /** Mean over rows of the softmax's entropy and of its largest weight. */
  private static double[] entropyAndMax(Tensor a, int rows, int steps) {
    double h = 0;
    double max = 0;
    for (int r = 0; r < rows; r++) {
      double top = 0;
      for (int j = 0; j < steps; j++) {
        double p = a.data()[r * steps + j];
        h -= p > 0 ? p * Math.log(p) : 0;
        top = Math.max(top, p);
      }
      max += top;
    }
    return new double[] {h / rows, max / rows};
  }
}
