package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;
import org.junit.jupiter.api.Test;

class RreluTest {

  private static final double LOWER = 1.0 / 8;
  private static final double UPPER = 1.0 / 3;

  private final long seed = 20261122L; // fixed so that every run checks the same draws

  private String why(String what) {
    return what + " (seed " + seed + ")";
  }

  @Test
  void trainingSlopesAreSeededAndInRange() {
    int n = 257;
    ParamBlock a = Rrelu.trainingBlock(n, LOWER, UPPER, new SplittableRandom(seed));
    ParamBlock b = Rrelu.trainingBlock(n, LOWER, UPPER, new SplittableRandom(seed));
    assertEquals(n, a.channels(), why("one slope per element"));
    assertEquals(1, a.inner());
    assertEquals(2, a.width(), why("width = rrelu's parameter count"));
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double[] v = a.values(i);
      assertArrayEquals(v, b.values(i), why("same seed, same slopes at " + i));
      assertEquals(v[0], v[1], why("lower = upper = drawn slope at " + i));
      assertTrue(v[0] >= LOWER && v[0] < UPPER, why("slope " + v[0] + " outside [lower, upper) at " + i));
      min = Math.min(min, v[0]);
      max = Math.max(max, v[0]);
      sum += v[0];
    }
    double width = UPPER - LOWER;
    assertTrue(min < LOWER + 0.1 * width && max > UPPER - 0.1 * width, why("slopes do not spread: " + min
        + ".." + max));
    // mean of U(l, u) over 257 draws: standard error (u - l)/sqrt(12 * 257) = 0.0037; allow 5 of them
    assertEquals((LOWER + UPPER) / 2, sum / n, 0.019, why("mean slope"));
  }

  @Test
  void forwardAndBackwardUseTheSameDrawnSlope() {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 100;
    int off = 3;
    double[] x = new double[n + off];
    double[] dy = new double[n + off];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 10 == 0 ? 0.0 : rng.nextDouble(-5, 5);
      dy[i] = rng.nextDouble(-2, 2);
    }
    double[] x0 = x.clone();
    ParamBlock block = Rrelu.trainingBlock(n, LOWER, UPPER, rng);
    ScalarKernel k = new ScalarKernel(new Rrelu());
    double[] y = new double[n];
    double[] dx = new double[n];
    k.forward(x, off, y, 0, n, block);
    k.backward(x, off, dy, off, dx, 0, n, block, null);
    float[] xf = new float[n];
    float[] dyf = new float[n];
    float[] dxf = new float[n];
    for (int i = 0; i < n; i++) {
      xf[i] = (float) x[off + i];
      dyf[i] = (float) dy[off + i];
    }
    k.backward(xf, 0, dyf, 0, dxf, 0, n, block, null);
    int negatives = 0;
    for (int i = 0; i < n; i++) {
      double a = block.values(i)[0]; // element i of the call, counted from the offset
      double xi = x[off + i];
      if (xi > 0) {
        assertEquals(xi, y[i], why("x > 0 passes at " + i));
        assertEquals(dy[off + i], dx[i], why("slope 1 for x > 0 at " + i));
      } else {
        negatives++;
        assertEquals(a * xi, y[i], why("forward uses the drawn slope at " + i));
        assertEquals(dy[off + i] * a, dx[i], why("backward uses the same drawn slope at " + i));
        assertEquals((float) (dyf[i] * a), dxf[i], why("float backward uses the drawn slope at " + i));
      }
    }
    assertTrue(negatives > 20, why("too few negative inputs: " + negatives));
    assertArrayEquals(x0, x, why("input modified"));
  }

  @Test
  void equalBoundsGiveThatSlopeExactly() {
    double s = 0.1;
    ParamBlock block = Rrelu.trainingBlock(5, s, s, new SplittableRandom(seed));
    Rrelu r = new Rrelu();
    for (int i = 0; i < 5; i++) {
      assertEquals(s, block.values(i)[0]);
      assertEquals(s * -3.0, r.f(-3.0, block.values(i)));
      assertEquals(s, r.dfdx(-3.0, r.f(-3.0, block.values(i)), block.values(i)));
    }
    assertEquals(2, Rrelu.trainingBlock(0, LOWER, UPPER, new SplittableRandom(seed)).width(),
        "an empty call still gets a usable block");
  }

  @Test
  void evaluationSlopeIsTheMean() {
    Rrelu r = new Rrelu();
    double[] p = r.spec().defaults();
    double mean = (1.0 / 8 + 1.0 / 3) / 2;
    assertEquals(mean * -2.0, r.f(-2.0, p));
    assertEquals(mean, r.dfdx(0.0, 0.0, p), "kink derivative at 0 is the eval slope");
    assertEquals(mean, r.spec().kinksAt(p).get(0).derivative());
    assertEquals(7.5, r.f(7.5, p));
  }

  @Test
  void lowerAboveUpperIsRejected() {
    var e = Catalog.get("rrelu");
    var ex = assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(e, Map.of("lower", 0.5, "upper", 0.25)));
    assertTrue(ex.getMessage().contains("lower") && ex.getMessage().contains("upper"), ex.getMessage());
    var ex2 = assertThrows(IllegalArgumentException.class,
        () -> Rrelu.trainingBlock(4, 0.5, 0.25, new SplittableRandom(seed)));
    assertTrue(ex2.getMessage().contains("lower"), ex2.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Rrelu.trainingBlock(4, Double.NaN, 0.25, new SplittableRandom(seed)));
    assertThrows(IllegalArgumentException.class,
        () -> Rrelu.trainingBlock(-1, LOWER, UPPER, new SplittableRandom(seed)));
    Catalog.params(e, Map.of("lower", 0.25, "upper", 0.25)); // equal bounds are fine
  }
}
