package org.actlab.nn.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;

/** Hand-computed steps, output modes, no mutation and error messages of {@link ElmanRnn}. */
class ElmanRnnTest {

  /** F = H = 1, T = 2: weight_ih 0.5, weight_hh −0.3, bias 0.1, x = (1, 2). */
  private static ElmanRnn tiny(RecurrentActivation act, boolean seq) {
    ElmanRnn rnn = new ElmanRnn(1, 1, act, seq, SeqFixtures.uniform(1));
    rnn.parameters().get(0).value().data()[0] = 0.5f;
    rnn.parameters().get(1).value().data()[0] = -0.3f;
    rnn.parameters().get(2).value().data()[0] = 0.1f;
    return rnn;
  }

  private static final Tensor X = Tensor.of(new float[] {1, 2}, 1, 2, 1);

  private static double sech2(double a) {
    double c = Math.cosh(a);
    return 1 / (c * c);
  }

  @Test
  void tanhStepsAndGradientByHand() {
    ElmanRnn rnn = tiny(RecurrentActivation.of("tanh"), false);
    double a0 = 0.5 + 0.1;
    double h0 = Math.tanh(a0);
    double a1 = 0.5 * 2 - 0.3 * h0 + 0.1;
    double h1 = Math.tanh(a1);
    Tensor y = rnn.forward(X, Mode.TRAIN);
    assertArrayEquals(new int[] {1, 1}, y.shape());
    assertEquals(h1, y.data()[0], 1e-6);
    Tensor dx = rnn.backward(Tensor.of(new float[] {1}, 1, 1));
    assertEquals(sech2(a1) * -0.3 * sech2(a0) * 0.5, dx.data()[0], 1e-6);
    assertEquals(sech2(a1) * 0.5, dx.data()[1], 1e-6);
    assertEquals(sech2(a1) * 2 + sech2(a1) * -0.3 * sech2(a0) * 1, rnn.parameters().get(0).grad().data()[0], 1e-6);
    assertEquals(sech2(a1) * h0, rnn.parameters().get(1).grad().data()[0], 1e-6);
    assertEquals(sech2(a1) * (1 - 0.3 * sech2(a0)), rnn.parameters().get(2).grad().data()[0], 1e-6);
  }

  @Test
  void timeAwareDecaysWithTheZeroBasedStepIndex() {
    double decay = 0.25;
    ElmanRnn rnn = tiny(new TimeAwareTanh(decay), true);
    double h0 = Math.tanh(0.6); // t = 0: no decay
    double a1 = 1.0 - 0.3 * h0 + 0.1;
    double h1 = Math.tanh(a1) * Math.exp(-decay);
    Tensor y = rnn.forward(X, Mode.TRAIN);
    assertEquals(h0, y.data()[0], 1e-6);
    assertEquals(h1, y.data()[1], 1e-6);
    Tensor dx = rnn.backward(Tensor.of(new float[] {0, 1}, 1, 2, 1));
    assertEquals(sech2(a1) * Math.exp(-decay) * 0.5, dx.data()[1], 1e-6);
    assertEquals(sech2(a1) * Math.exp(-decay) * -0.3 * sech2(0.6) * 0.5, dx.data()[0], 1e-6);
  }

  @Test
  void gatedStepsAndGradientByHand() {
    ElmanRnn rnn = tiny(new GatedTanh(), false);
    double a0 = 0.6;
    double z0 = 1 / (1 + Math.exp(-a0)); // h_{-1} = 0
    double h0 = z0 * Math.tanh(a0);
    double a1 = 1.0 - 0.3 * h0 + 0.1;
    double z1 = 1 / (1 + Math.exp(-(a1 + h0)));
    double h1 = z1 * Math.tanh(a1) + (1 - z1) * h0;
    assertEquals(h1, rnn.forward(X, Mode.TRAIN).data()[0], 1e-6);
    Tensor dx = rnn.backward(Tensor.of(new float[] {1}, 1, 1));
    double s1 = z1 * (1 - z1);
    double dh1da1 = s1 * (Math.tanh(a1) - h0) + z1 * sech2(a1);
    double dh1dh0 = s1 * (Math.tanh(a1) - h0) + (1 - z1) + dh1da1 * -0.3;
    double dh0da0 = z0 * (1 - z0) * Math.tanh(a0) + z0 * sech2(a0);
    assertEquals(dh1da1 * 0.5, dx.data()[1], 1e-6);
    assertEquals(dh1dh0 * dh0da0 * 0.5, dx.data()[0], 1e-6);
  }

  @Test
  void sequencesEndWithTheLastState() {
    Tensor x = SeqFixtures.random(11, 1, 3, 4, 2);
    ElmanRnn all = new ElmanRnn(2, 5, RecurrentActivation.of("tanh"), true, SeqFixtures.uniform(0.8));
    ElmanRnn lastOnly = new ElmanRnn(2, 5, RecurrentActivation.of("tanh"), false, SeqFixtures.uniform(0.8));
    all.initialize(new SplittableRandom(3));
    lastOnly.initialize(new SplittableRandom(3));
    Tensor ys = all.forward(x, Mode.EVAL);
    Tensor y = lastOnly.forward(x, Mode.EVAL);
    assertArrayEquals(new int[] {3, 4, 5}, ys.shape());
    assertArrayEquals(new int[] {3, 5}, y.shape());
    for (int b = 0; b < 3; b++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(ys.get(b, 3, j), y.get(b, j), 0f);
      }
    }
    assertArrayEquals(new int[] {4, 5}, all.outputShape(new int[] {4, 2}));
    assertArrayEquals(new int[] {5}, lastOnly.outputShape(new int[] {4, 2}));
  }

  @Test
  void inputsAndGradientsAreNotModified() {
    ElmanRnn rnn = new ElmanRnn(2, 3, new GatedTanh(), true, SeqFixtures.uniform(0.8));
    rnn.initialize(new SplittableRandom(5));
    Tensor x = SeqFixtures.random(6, 1, 2, 3, 2);
    Tensor xCopy = x.copy();
    Tensor y = rnn.forward(x, Mode.TRAIN);
    Tensor dy = SeqFixtures.random(7, 1, 2, 3, 3);
    Tensor dyCopy = dy.copy();
    rnn.backward(dy);
    assertArrayEquals(xCopy.data(), x.data());
    assertArrayEquals(dyCopy.data(), dy.data());
    x.data()[0] = 100; // the layer keeps its own copy for backward
    Tensor again = rnn.backward(dy);
    rnn.forward(xCopy, Mode.TRAIN);
    assertArrayEquals(rnn.backward(dy).data(), again.data());
    assertArrayEquals(y.shape(), dy.shape());
  }

  @Test
  void badShapesAndOrderGiveClearErrors() {
    ElmanRnn rnn = new ElmanRnn(3, 4, RecurrentActivation.of("tanh"), false, SeqFixtures.uniform(1));
    assertTrue(assertThrows(IllegalStateException.class, () -> rnn.backward(new Tensor(1, 4)))
        .getMessage().contains("before forward"));
    String rank = assertThrows(IllegalArgumentException.class, () -> rnn.forward(new Tensor(2, 3), Mode.TRAIN))
        .getMessage();
    assertTrue(rank.contains("[B, T, F]") && rank.contains("[2, 3]"), rank);
    String width = assertThrows(IllegalArgumentException.class, () -> rnn.forward(new Tensor(2, 5, 4), Mode.TRAIN))
        .getMessage();
    assertTrue(width.contains("[T >= 1, 3]") && width.contains("[5, 4]"), width);
    assertThrows(IllegalArgumentException.class, () -> rnn.forward(new Tensor(2, 0, 3), Mode.TRAIN));
    rnn.forward(new Tensor(2, 5, 3), Mode.TRAIN);
    String grad = assertThrows(IllegalArgumentException.class, () -> rnn.backward(new Tensor(2, 5, 4)))
        .getMessage();
    assertTrue(grad.contains("[2, 4]"), grad);
    assertThrows(IllegalArgumentException.class, () -> new ElmanRnn(0, 4, RecurrentActivation.of("tanh"), false,
        SeqFixtures.uniform(1)));
    assertThrows(IllegalArgumentException.class, () -> RecurrentActivation.of("softmax"));
    assertThrows(IllegalArgumentException.class, () -> new TimeAwareTanh(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new TimeAwareTanh(Double.NaN));
  }

  @Test
  void describesItselfWithItsActivation() {
    RecurrentActivation wide = RecurrentActivation.of(Pointwise.of("hardtanh", Map.of("max_val", 2.0)));
    assertEquals("elman_rnn(3→4, hardtanh(min_val=-1, max_val=2), last)",
        new ElmanRnn(3, 4, wide, false, SeqFixtures.uniform(1)).describe());
    assertEquals("elman_rnn(3→4, time_aware_tanh(decay=0.1), sequences)",
        new ElmanRnn(3, 4, new TimeAwareTanh(), true, SeqFixtures.uniform(1)).describe());
  }
}
