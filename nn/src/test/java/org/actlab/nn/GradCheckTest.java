package org.actlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checker itself: it must pass correct gradients and catch each kind of mistake. */
class GradCheckTest {

  /** y = w·x² elementwise with a scalar parameter w; {@code bug} selects a deliberate mistake. */
  private static final class Square implements Layer {
    final Parameter w = new Parameter("w", 1);
    final String bug;
    Tensor x;

    Square(String bug) {
      this.bug = bug;
      w.value().data()[0] = 0.7f;
    }

    @Override
    public Tensor forward(Tensor in, Mode mode) {
      x = in.copy();
      Tensor y = new Tensor(in.shape());
      for (int i = 0; i < y.size(); i++) {
        float v = in.data()[i];
        y.data()[i] = w.value().data()[0] * (bug.equals("relu") ? Math.max(0, v) : v * v);
      }
      if (bug.equals("mutate")) {
        in.data()[0] += 1;
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
      Tensor dx = new Tensor(x.shape());
      double gw = 0;
      float wv = w.value().data()[0];
      for (int i = 0; i < dx.size(); i++) {
        float v = x.data()[i];
        float d = dy.data()[i];
        float local = bug.equals("relu") ? (v > 0 ? 1 : 0) : (bug.equals("dx") ? 3 * v : 2 * v);
        dx.data()[i] = wv * local * d;
        gw += (bug.equals("relu") ? Math.max(0, v) : v * v) * d;
      }
      if (bug.equals("set")) {
        w.grad().data()[0] = (float) gw;
      } else {
        w.grad().data()[0] += (float) gw;
      }
      return dx;
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(w);
    }

    @Override
    public int[] outputShape(int[] s) {
      return s.clone();
    }

    @Override
    public String describe() {
      return "square(" + bug + ")";
    }
  }

  /** Mean squared error; {@code factor} 2 is right, anything else a deliberate mistake. */
  private static final class Mse implements Loss {
    final float factor;
    Tensor diff;

    Mse(float factor) {
      this.factor = factor;
    }

    @Override
    public double forward(Tensor output, Tensor target) {
      diff = new Tensor(output.shape());
      double s = 0;
      for (int i = 0; i < output.size(); i++) {
        diff.data()[i] = output.data()[i] - target.data()[i];
        s += (double) diff.data()[i] * diff.data()[i];
      }
      return s / output.dim(0);
    }

    @Override
    public Tensor backward() {
      Tensor g = new Tensor(diff.shape());
      for (int i = 0; i < g.size(); i++) {
        g.data()[i] = factor * diff.data()[i] / diff.dim(0);
      }
      return g;
    }

    @Override
    public String name() {
      return "mse";
    }
  }

  @Test
  void lossCheck() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    Tensor out = GradCheck.uniform(new int[] {3, 4}, 1, r);
    Tensor target = GradCheck.uniform(new int[] {3, 4}, 1, r);
    GradCheck.Report rep = GradCheck.seed(4).loss(new Mse(2), out, target);
    assertTrue(rep.worstError() < 1e-3, rep::toString);
    assertThrows(AssertionError.class, () -> GradCheck.seed(42).loss(new Mse(2.1f), out, target));
  }

  @Test
  void correctGradientsPass() {
    GradCheck.Report r = GradCheck.seed(3).layer(new Square("none"), 4, 5);
    assertEquals(2, r.results().size());
    assertTrue(r.worstError() < 1e-3, r::toString);
  }

  @Test
  void wrongInputGradientFails() {
    assertThrows(AssertionError.class, () -> GradCheck.seed(3).layer(new Square("dx"), 4, 5));
  }

  @Test
  void settingInsteadOfAddingFails() {
    assertThrows(AssertionError.class, () -> GradCheck.seed(3).layer(new Square("set"), 4, 5));
  }

  @Test
  void mutatingTheInputFails() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> GradCheck.seed(3).layer(new Square("mutate"), 4, 5));
    assertTrue(e.getMessage().contains("modified its input"), e.getMessage());
  }

  @Test
  void kinksAreSkippedNotFailed() {
    // Inputs on a grid that puts some exactly on relu's kink and others within a step of it.
    float[] v = new float[40];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i - 20) * 0.1f + (i % 7 == 0 ? 0.005f - 0.1f * (i - 20) : 0);
    }
    GradCheck.Report r = GradCheck.seed(42).kinkBudget(0.2).layer(new Square("relu"), Tensor.of(v, 4, 10));
    assertTrue(r.results().get(0).skipped() > 0, r::toString);
  }
}
