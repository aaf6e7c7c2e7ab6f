package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;
import org.junit.jupiter.api.Test;

class PreluTest {

  private final long seed = 20261122L; // fixed: a random seed once drew a channel with no negative input

  @Test
  void perChannelWeightsForwardBackwardAndWeightGradient() {
    SplittableRandom rng = new SplittableRandom(seed);
    int batch = 2;
    int channels = 3;
    int inner = 4; // H·W
    int n = batch * channels * inner;
    double[] w = {0.1, -0.2, 0.7};
    ParamBlock block = ParamBlock.perChannel(w, 1, channels, inner);
    double[] x = new double[n];
    double[] dy = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 5 == 0 ? 0.0 : rng.nextDouble(-3, 3);
      dy[i] = rng.nextDouble(-2, 2);
    }
    double[] x0 = x.clone();
    ScalarKernel k = new ScalarKernel(new Prelu());
    double[] y = new double[n];
    double[] dx = new double[n];
    double[] gp = new double[channels];
    k.forward(x, 0, y, 0, n, block);
    k.backward(x, 0, dy, 0, dx, 0, n, block, gp);
    double[] expected = new double[channels];
    for (int i = 0; i < n; i++) {
      int c = (i / inner) % channels; // NCHW
      String at = " at " + i + " (seed " + seed + ")";
      assertEquals(x[i] > 0 ? x[i] : w[c] * x[i], y[i], "forward" + at);
      assertEquals(dy[i] * (x[i] > 0 ? 1 : w[c]), dx[i], "dx" + at);
      if (!(x[i] > 0)) {
        expected[c] += dy[i] * x[i];
      }
    }
    for (int c = 0; c < channels; c++) {
      assertEquals(expected[c], gp[c], 1e-12 * (1 + Math.abs(expected[c])), "weight gradient of channel " + c
          + " (seed " + seed + ")");
      assertTrue(expected[c] != 0, "channel " + c + " saw no negative input (seed " + seed + ")");
      assertEquals(fdWeightGradient(x, dy, w, c, inner), gp[c], 1e-6 * (1 + Math.abs(gp[c])),
          "finite difference, channel " + c + " (seed " + seed + ")");
      assertArrayEquals(new double[] {w[c]}, block.values(c), "backward must not write into the weights");
    }
    k.backward(x, 0, dy, 0, dx, 0, n, block, gp);
    for (int c = 0; c < channels; c++) {
      assertEquals(2 * expected[c], gp[c], 1e-12 * (1 + Math.abs(expected[c])), "gp accumulates, channel " + c);
    }
    assertArrayEquals(x0, x, "input modified");
  }

  /** Central difference of L(w) = Σ dy·prelu(x; w_c) in w_c, the channel's elements only. */
  private static double fdWeightGradient(double[] x, double[] dy, double[] w, int c, int inner) {
    Prelu f = new Prelu();
    double h = 1e-4;
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < x.length; i++) {
      if ((i / inner) % w.length == c) {
        plus += dy[i] * f.f(x[i], new double[] {w[c] + h});
        minus += dy[i] * f.f(x[i], new double[] {w[c] - h});
      }
    }
    return (plus - minus) / (2 * h);
  }

  @Test
  void dfdpAccumulatesAndKinkUsesTheWeight() {
    Prelu f = new Prelu();
    double[] p = {0.25};
    double[] g = {5.0};
    f.dfdp(-2.0, f.f(-2.0, p), p, 3.0, g);
    assertEquals(5.0 + 3.0 * -2.0, g[0]);
    f.dfdp(4.0, 4.0, p, 3.0, g);
    assertEquals(-1.0, g[0], "x > 0 adds nothing");
    f.dfdp(Double.NaN, Double.NaN, p, 1.0, g);
    assertTrue(Double.isNaN(g[0]), "NaN in, NaN gradient");
    assertEquals(0.25, f.dfdx(0.0, 0.0, p));
    assertEquals(-0.5, f.f(-2.0, p));
    assertArrayEquals(new double[] {0.25}, p, "parameters modified");
  }
}
