package org.actlab.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules against their closed forms; gradient clipping against PyTorch's formulas. */
class ScheduleAndClipTest {

  @Test
  void stepLrHalvesEveryThreeEpochs() {
    StepLr s = new StepLr(3, 0.5);
    double[] expected = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125};
    for (int e = 0; e < expected.length; e++) {
      assertEquals(expected[e], s.lr(0.1, e), 1e-15, "epoch " + e);
    }
    assertEquals(0.1 * 0.1, new StepLr(5).lr(0.1, 5), 1e-15, "PyTorch's default gamma 0.1");
  }

  @Test
  void cosineLrFollowsTheClosedForm() {
    CosineLr s = new CosineLr(10, 0.01);
    // eta_min + (0.1 − 0.01)(1 + cos(π e/10))/2
    assertEquals(0.1, s.lr(0.1, 0), 1e-15);
    assertEquals(0.01 + 0.09 * (1 + Math.sqrt(0.5)) / 2, new CosineLr(4, 0.01).lr(0.1, 1), 1e-15); // cos(π/4)
    assertEquals(0.01 + 0.09 * (1 + 0.5) / 2, new CosineLr(6, 0.01).lr(0.1, 2), 1e-15); // cos(π/3) = 1/2
    assertEquals(0.055, s.lr(0.1, 5), 1e-15); // cos(π/2) = 0
    assertEquals(0.01, s.lr(0.1, 10), 1e-15); // cos(π) = −1
    assertEquals(0.055, s.lr(0.1, 15), 1e-15); // past T_max the closed form rises again
    assertEquals(0.1, s.lr(0.1, 20), 1e-15);
    assertEquals(0.0, new CosineLr(4).lr(1.0, 4), 0.0);
  }

  @Test
  void schedulesSetTheOptimizersRate() {
    Optimizer o = new Adam();
    new StepLr(1, 0.5).apply(o, 0.001, 3);
    assertEquals(0.001 / 8, o.learningRate(), 1e-18);
    new CosineLr(4).apply(o, 0.001, 4);
    assertEquals(0.0, o.learningRate(), 0.0);
  }

  @Test
  void schedulesValidate() {
    assertThrows(IllegalArgumentException.class, () -> new StepLr(0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new StepLr(2, 0));
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(5, -1));
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(5, 0.5).lr(0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new StepLr(2).lr(0.1, -1));
  }

  private static List<Parameter> grads(float[]... gs) {
    Parameter[] ps = new Parameter[gs.length];
    for (int i = 0; i < gs.length; i++) {
      ps[i] = new Parameter("p" + i, gs[i].length);
      System.arraycopy(gs[i], 0, ps[i].grad().data(), 0, gs[i].length);
    }
    return List.of(ps);
  }

  @Test
  void clipGradNormScalesAllGradientsByOneFactor() {
    List<Parameter> ps = grads(new float[] {3, 4}, new float[] {12}); // global norm √(9 + 16 + 144) = 13
    double norm = new ClipGradNorm(6.5).clip(ps);
    assertEquals(13.0, norm, 1e-12);
    double c = 6.5 / (13 + 1e-6);
    assertArrayEquals(new float[] {(float) (3 * c), (float) (4 * c)}, ps.get(0).grad().data());
    assertArrayEquals(new float[] {(float) (12 * c)}, ps.get(1).grad().data());
  }

  @Test
  void clipGradNormLeavesSmallGradientsAlone() {
    List<Parameter> ps = grads(new float[] {3, 4}, new float[] {12});
    assertEquals(13.0, new ClipGradNorm(13.1).clip(ps), 1e-12);
    assertArrayEquals(new float[] {3, 4}, ps.get(0).grad().data());
    List<Parameter> zero = grads(new float[] {0, 0});
    assertEquals(0.0, new ClipGradNorm(1).clip(zero));
    assertArrayEquals(new float[] {0, 0}, zero.get(0).grad().data());
  }

  @Test
  void clipGradNormPropagatesNaNAsPyTorch() {
    List<Parameter> ps = grads(new float[] {Float.NaN, 1}, new float[] {2});
    assertTrue(Double.isNaN(new ClipGradNorm(1).clip(ps)));
    assertTrue(Float.isNaN(ps.get(0).grad().data()[1]) && Float.isNaN(ps.get(1).grad().data()[0]));
  }

  @Test
  void clipGradValueClampsEachElement() {
    List<Parameter> ps = grads(new float[] {-3, 0.5f}, new float[] {2, -0.25f});
    assertEquals(3.0, new ClipGradValue(1).clip(ps));
    assertArrayEquals(new float[] {-1, 0.5f}, ps.get(0).grad().data());
    assertArrayEquals(new float[] {1, -0.25f}, ps.get(1).grad().data());
    assertThrows(IllegalArgumentException.class, () -> new ClipGradValue(0));
    assertThrows(IllegalArgumentException.class, () -> new ClipGradNorm(-1));
  }
}
