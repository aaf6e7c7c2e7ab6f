package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SnakeTest {

  private final Snake fn = new Snake();

  @Test
  void alphaGradientMatchesCentralDifference() {
    long seed = 4_242L;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      double x = r.nextDouble(-6, 6);
      double a = r.nextDouble(0.2, 3) * (r.nextBoolean() ? 1 : -1);
      double h = 1e-6 * Math.abs(a);
      double fd = (fn.f(x, new double[] {a + h}) - fn.f(x, new double[] {a - h})) / (2 * h);
      double[] g = {0.25};
      double dy = 1.5;
      fn.dfdp(x, fn.f(x, new double[] {a}), new double[] {a}, dy, g);
      double got = (g[0] - 0.25) / dy; // dfdp accumulates into g
      assertTrue(Math.abs(got - fd) <= 1e-6 * Math.max(1, Math.abs(fd)),
          "df/dalpha at x=" + x + ", alpha=" + a + ": " + got + " vs finite difference " + fd + " (seed " + seed + ")");
    }
  }

  @Test
  void alphaGradientHandChecked() {
    // x sin(2ax)/a - sin^2(ax)/a^2, mpmath 1.2.1
    double[][] cases = {{2, 1, -0.5851067002619156}, {0.5, -2, 0.804896034208442}, {-1.7, 0.6, 0.06355679685190012}};
    for (double[] c : cases) {
      double[] g = {0};
      fn.dfdp(c[1], 0, new double[] {c[0]}, 1, g);
      assertUlps(c[2], g[0], 8, "dsnake/dalpha at x=" + c[1] + ", alpha=" + c[0]);
    }
  }

  @Test
  void isThePapersFormNotTheNotes() {
    // alpha = 2, x = 1: x + sin^2(2)/2 = 1.413410905215903 (paper); the notes' x + sin^2(2x) = 1.826821810431806.
    double y = fn.f(1, new double[] {2});
    assertUlps(1.413410905215903, y, 2, "snake(1; alpha=2)");
    assertTrue(Math.abs(y - 1.826821810431806) > 0.4, "snake must divide sin^2 by alpha");
    assertUlps(0.24319750469207174, fn.dfdx(1, y, new double[] {2}), 2, "snake'(1; alpha=2)");
    assertUlps(0.17288936407620237, fn.f(0.6, new double[] {-1.7}), 2, "snake(0.6; alpha=-1.7)");
    assertUlps(0.1080713490466203, fn.dfdx(0.6, 0, new double[] {-1.7}), 2, "snake'(0.6; alpha=-1.7)");
  }

  @Test
  void derivativeKeepsRelativeAccuracyNextToItsRoots() {
    // 1 + sin(2ax) vanishes at 2ax = -pi/2 (mod 2pi); 1 + Math.sin(...) returns 0 or 1e-16 noise there.
    // mpmath 1.2.1 values of 1 + sin(2ax) at the double nearest the root:
    assertUlps(1.874699728327322e-33, fn.dfdx(-0.7853981633974483, 0, new double[] {1}), 4, "at -pi/4");
    assertUlps(1.874699728327322e-33, fn.dfdx(-1.5707963267948966, 0, new double[] {0.5}), 4, "at -pi/2, a=1/2");
    assertUlps(3.0010358222028935e-30, fn.dfdx(8.63937979737193, 0, new double[] {1}), 8, "at -pi/4 + 3pi");
  }

  @Test
  void specialValues() {
    double[] p = fn.spec().defaults();
    assertEquals(Double.POSITIVE_INFINITY, fn.f(Double.POSITIVE_INFINITY, p));
    assertEquals(Double.NEGATIVE_INFINITY, fn.f(Double.NEGATIVE_INFINITY, p));
    assertEquals(1.0, fn.dfdx(0, 0, p));
    assertEquals(0.0, fn.f(0, p));
    assertTrue(Double.isNaN(fn.dfdx(Double.NaN, Double.NaN, p)));
  }

  private static void assertUlps(double expected, double actual, double max, String what) {
    double err = Math.abs(actual - expected) / Math.ulp(expected);
    assertTrue(err <= max, () -> what + ": expected " + expected + ", got " + actual + " (" + err + " ulp)");
  }
}
