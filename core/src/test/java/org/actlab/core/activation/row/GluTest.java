package org.actlab.core.activation.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Family;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.kernel.RowKernel;
import org.junit.jupiter.api.Test;

/** The GLU family's split convention, odd-length rejection, special products and gaussian_glu's parameters. */
class GluTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] NONE = {};

  private static RowActivation fn(String id) {
    return (RowActivation) Catalog.get(id);
  }

  private static double[] forward(String id, double[] p, double... x) {
    RowActivation f = fn(id);
    double[] y = new double[f.outputLength(x.length)];
    f.forward(x, 0, x.length, y, 0, p);
    return y;
  }

  /** a = first half is the value, b = second half goes through the gate (PyTorch's glu, dim=-1). */
  @Test
  void firstHalfIsTheValueSecondHalfTheGate() {
    double[] x = {2, -3, 0.5, -1};
    // σ(0.5) = 0.62245933120185456, σ(−1) = 0.26894142136999512 (independent values).
    assertArrayEquals(new double[] {2 * 0.62245933120185456, -3 * 0.26894142136999512}, forward("glu", NONE, x),
        1e-16);
    assertArrayEquals(new double[] {1.0, 0.0}, forward("reglu", NONE, x), 0.0);
    double g = Math.exp(-0.125);
    double h = Math.exp(-0.5);
    assertArrayEquals(new double[] {2 * g, -3 * h}, forward("gaussian_glu", new double[] {0, 1}, x), 1e-15);
    // mean 1, std 2: b = 1 opens the gate fully, b = 3 is one std away.
    assertArrayEquals(new double[] {3, 5 * h}, forward("gaussian_glu", new double[] {1, 2}, 3, 5, 1, 3), 1e-15);
    assertArrayEquals(new double[0], forward("glu", NONE));
  }

  @Test
  void backwardFollowsTheSplit() {
    double[] x = {2, -3, 0.5, -1};
    double[] dx = new double[4];
    fn("reglu").backward(x, 0, 4, new double[] {10, 100}, 0, dx, 0, NONE, new double[4]);
    assertArrayEquals(new double[] {10 * 0.5, 100 * 0.0, 10 * 2, 100 * 0.0}, dx, 0.0);
    fn("reglu").backward(new double[] {7, 0}, 0, 2, new double[] {1}, 0, dx, 0, NONE, new double[2]);
    assertEquals(0.0, dx[1], 0.0, "reglu: gate derivative at the kink b = 0 is 0");
  }

  @Test
  void oddLengthsAreRejected() {
    int checked = 0;
    for (RowActivation f : Catalog.rows()) {
      if (f.spec().family() != Family.GLU) {
        continue;
      }
      String id = f.spec().id();
      for (int n : new int[] {1, 3, 7}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.outputLength(n));
        assertTrue(e.getMessage().contains(id) && e.getMessage().contains("n = " + n), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RowKernel(f).forward(new double[n], 0, 1, n,
            new double[n], 0, f.spec().defaults()));
        assertThrows(IllegalArgumentException.class, () -> f.forward(new double[n], 0, n, new double[n], 0,
            f.spec().defaults()));
      }
      assertEquals(3, f.outputLength(6));
      checked++;
    }
    assertTrue(checked >= 3, "expected at least glu, reglu, gaussian_glu; found " + checked);
  }

  /** An exactly zero factor wins over an infinite one; an open gate passes ∞. */
  @Test
  void infiniteTimesZero() {
    assertArrayEquals(new double[] {0}, forward("reglu", NONE, INF, -1), 0.0);
    assertArrayEquals(new double[] {0}, forward("reglu", NONE, 0, INF), 0.0);
    assertArrayEquals(new double[] {INF}, forward("reglu", NONE, 2, INF));
    assertArrayEquals(new double[] {INF}, forward("glu", NONE, INF, 0));
    assertArrayEquals(new double[] {0}, forward("gaussian_glu", new double[] {0, 1}, INF, 1e300), 0.0);
    assertArrayEquals(new double[] {-INF}, forward("gaussian_glu", new double[] {0, 1}, -INF, 3));
  }

  @Test
  void gaussianGluValidatesStd() {
    RowActivation f = fn("gaussian_glu");
    assertThrows(IllegalArgumentException.class, () -> Catalog.params(f, Map.of("std", 0.0)));
    assertThrows(IllegalArgumentException.class, () -> Catalog.params(f, Map.of("std", -1.0)));
    assertArrayEquals(new double[] {0.5, 2}, Catalog.params(f, Map.of("mean", 0.5, "std", 2.0)));
  }

  /** Backward against central differences at non-default gaussian_glu parameters (the generic test uses defaults). */
  @Test
  void gaussianGluBackwardAtOtherParameters() {
    long seed = 0x61E7L;
    SplittableRandom r = new SplittableRandom(seed);
    System.out.println("GluTest seed = " + seed);
    RowActivation f = fn("gaussian_glu");
    for (double[] p : new double[][] {{0.5, 2}, {-1, 0.3}, {3, 10}}) {
      for (int t = 0; t < 50; t++) {
        int n = 2 * (1 + r.nextInt(4));
        double[] x = r.doubles(n, -4, 4).toArray();
        double[] dy = r.doubles(n / 2, -1, 1).toArray();
        double[] dx = new double[n];
        f.backward(x, 0, n, dy, 0, dx, 0, p, new double[n]);
        for (int i = 0; i < n; i++) {
          double h = 1e-6;
          double[] xp = x.clone();
          double[] xm = x.clone();
          xp[i] += h;
          xm[i] -= h;
          double central = (dot(dy, forward("gaussian_glu", p, xp)) - dot(dy, forward("gaussian_glu", p, xm)))
              / (xp[i] - xm[i]);
          assertEquals(central, dx[i], 1e-7 * Math.max(1, Math.abs(central)), "p " + p[0] + "," + p[1]);
        }
      }
    }
  }

  /** The gate's error correction: e^{−z²/2} where z² is inexact, against the exact-square value. */
  @Test
  void gaussianGateCorrectsTheSquare() {
    GaussianGate gate = new GaussianGate();
    double[] p = {0, 1};
    assertEquals(1.0, gate.f(0, p), 0.0);
    assertEquals(Math.exp(-0.5), gate.f(1, p), Math.ulp(Math.exp(-0.5)));
    assertEquals(0.0, gate.f(40, p), 0.0);
    assertEquals(0.0, gate.f(-INF, p), 0.0);
    assertEquals(0.0, gate.dfdx(INF, 0.0, p), 0.0);
    // z = 30 + 2^-47: z² = 900 + 3.75·2^-43 + 2^-94 rounds to 900 + 4·2^-43 (ulp(900) = 2^-43), an error of
    // 2^-45 that e^{-z²/2} turns into a relative error of 2^-46, about 64 ULP, unless it is corrected.
    double z = 30 + 0x1p-47;
    double expected = Math.exp(-450) * Math.exp(-30 * 0x1p-47);
    assertEquals(expected, gate.f(z, p), 4 * Math.ulp(expected));
  }

  private static double dot(double[] u, double[] v) {
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += u[i] * v[i];
    }
    return s;
  }
}
