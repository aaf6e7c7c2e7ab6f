package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.actlab.nn.GradCheck;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values, attention matrix, finite-difference gradients and errors of {@link SelfAttention}. */
class SelfAttentionTest {

  private static SelfAttention layer(String q, String k, String v, String o, long seed) {
    SelfAttention att = new SelfAttention(4, 3, Pointwise.of(q), Pointwise.of(k), Pointwise.of(v), Pointwise.of(o),
        SeqFixtures.uniform(0.9));
    att.initialize(new SplittableRandom(seed));
    return att;
  }

  @ParameterizedTest(name = "q={0} k={1} v={2} o={3} seed={4}")
  @CsvSource({
      "identity, identity, identity, identity, 501",
      "tanh, tanh, silu, gelu, 502",
      "tanh, tanh, softplus, gelu_tanh, 503",
      "sigmoid, softsign, tanh, mish, 504"})
  void backwardMatchesFiniteDifferences(String q, String k, String v, String o, long seed) {
    SelfAttention att = layer(q, k, v, o, seed);
    Tensor x = SeqFixtures.random(seed + 1, 1.5, 2, 3, 4);
    GradCheck.Report r = GradCheck.seed(seed).layer(att, x);
    assertEquals(x.size() + 4 * 4 * 3, r.checked(), "seed " + seed);
  }

  @Test
  void notesActivationsWithReluValuesPassTheCheckAwayFromTheKink() {
    // the notes' choice: tanh on Q and K, relu on V, GELU (tanh form) on the output
    long seed = 505;
    SelfAttention att = layer("tanh", "tanh", "relu", "gelu_tanh", seed);
    Tensor x = SeqFixtures.random(seed + 1, 1.5, 2, 4, 4);
    GradCheck.seed(seed).step(1e-3).layer(att, x);
  }

  @Test
  void tinyCaseByHand() {
    // d = d_k = 1, all weights 1: s_ij = x_i x_j, A = softmax rows, O_i = Σ_j A_ij x_j
    SelfAttention att = new SelfAttention(1, 1, SeqFixtures.uniform(1));
    for (Parameter p : att.parameters()) {
      p.value().fill(1f);
    }
    float[] xs = {1, 2};
    Tensor y = att.forward(Tensor.of(xs, 1, 2, 1), Mode.TRAIN);
    Tensor a = att.attention();
    assertArrayEquals(new int[] {1, 2, 2}, a.shape());
    for (int i = 0; i < 2; i++) {
      double e0 = Math.exp(xs[i] * xs[0]);
      double e1 = Math.exp(xs[i] * xs[1]);
      assertEquals(e0 / (e0 + e1), a.get(0, i, 0), 1e-6);
      assertEquals(e1 / (e0 + e1), a.get(0, i, 1), 1e-6);
      assertEquals((e0 * xs[0] + e1 * xs[1]) / (e0 + e1), y.get(0, i, 0), 1e-6);
    }
  }

  @Test
  void scoresAreScaledByTheRootOfDk() {
    // d_k = 4, W_q = W_k = all ones: every score is (Σx)²·4/√4; x rows (1,0) and (0,0)
    SelfAttention att = new SelfAttention(2, 4, SeqFixtures.uniform(1));
    for (Parameter p : att.parameters()) {
      p.value().fill(1f);
    }
    att.forward(Tensor.of(new float[] {1, 0, 0, 0}, 1, 2, 2), Mode.TRAIN);
    double e = Math.exp(4 / 2.0);
    assertEquals(e / (e + 1), att.attention().get(0, 0, 0), 1e-6);
    assertEquals(0.5, att.attention().get(0, 1, 0), 1e-6);
  }

  @Test
  void samplesAreIndependentAndRowsSumToOne() {
    SelfAttention att = layer("tanh", "tanh", "relu", "identity", 7);
    Tensor x = SeqFixtures.random(8, 2, 3, 5, 4);
    Tensor y = att.forward(x, Mode.EVAL);
    Tensor a = att.attention();
    assertArrayEquals(new int[] {3, 5, 4}, y.shape());
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < 5; i++) {
        double sum = 0;
        for (int j = 0; j < 5; j++) {
          sum += a.get(b, i, j);
        }
        assertEquals(1, sum, 1e-6);
      }
    }
    float[] one = new float[5 * 4];
    System.arraycopy(x.data(), 2 * one.length, one, 0, one.length);
    Tensor y2 = att.forward(Tensor.of(one, 1, 5, 4), Mode.EVAL);
    for (int i = 0; i < one.length; i++) {
      assertEquals(y.data()[2 * one.length + i], y2.data()[i], 1e-6f);
    }
  }

  @Test
  void inputsAndGradientsAreNotModified() {
    SelfAttention att = layer("tanh", "tanh", "silu", "gelu", 9);
    Tensor x = SeqFixtures.random(10, 1, 2, 3, 4);
    Tensor xCopy = x.copy();
    att.forward(x, Mode.TRAIN);
    Tensor dy = SeqFixtures.random(11, 1, 2, 3, 4);
    Tensor dyCopy = dy.copy();
    Tensor dx = att.backward(dy);
    assertArrayEquals(xCopy.data(), x.data());
    assertArrayEquals(dyCopy.data(), dy.data());
    x.data()[0] = 50;
    assertArrayEquals(dx.data(), att.backward(dy).data());
    Tensor a = att.attention();
    a.data()[0] = 7;
    assertTrue(att.attention().data()[0] != 7, "attention() must return a copy");
  }

  @Test
  void badShapesAndOrderGiveClearErrors() {
    SelfAttention att = new SelfAttention(4, 3, SeqFixtures.uniform(1));
    assertThrows(IllegalStateException.class, att::attention);
    assertThrows(IllegalStateException.class, () -> att.backward(new Tensor(1, 2, 4)));
    String rank = assertThrows(IllegalArgumentException.class, () -> att.forward(new Tensor(2, 4), Mode.TRAIN))
        .getMessage();
    assertTrue(rank.contains("[B, T, 4]") && rank.contains("[2, 4]"), rank);
    String width = assertThrows(IllegalArgumentException.class, () -> att.forward(new Tensor(2, 3, 5), Mode.TRAIN))
        .getMessage();
    assertTrue(width.contains("[3, 5]"), width);
    att.forward(new Tensor(2, 3, 4), Mode.TRAIN);
    String grad = assertThrows(IllegalArgumentException.class, () -> att.backward(new Tensor(2, 3, 3)))
        .getMessage();
    assertTrue(grad.contains("[2, 3, 4]"), grad);
    assertThrows(IllegalArgumentException.class, () -> new SelfAttention(0, 3, SeqFixtures.uniform(1)));
    assertThrows(IllegalArgumentException.class, () -> Pointwise.of("log_softmax"));
  }

  @Test
  void parametersAndDescription() {
    SelfAttention att = layer("tanh", "tanh", "relu", "gelu", 1);
    List<Parameter> ps = att.parameters();
    assertEquals(List.of("self_attention.w_q", "self_attention.w_k", "self_attention.w_v", "self_attention.w_o"),
        ps.stream().map(Parameter::name).toList());
    assertArrayEquals(new int[] {4, 3}, ps.get(0).value().shape());
    assertArrayEquals(new int[] {3, 4}, ps.get(3).value().shape());
    assertEquals("self_attention(d=4, d_k=3, q=tanh, k=tanh, v=relu, o=gelu)", att.describe());
    assertArrayEquals(new int[] {6, 4}, att.outputShape(new int[] {6, 4}));
  }
}
