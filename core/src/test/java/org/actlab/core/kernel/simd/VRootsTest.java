package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jdk.incubator.vector.DoubleVector;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.math.QuarterPi;
import org.junit.jupiter.api.Test;

/**
 * {@link VRoots} against the scalar references, which carry the same root corrections: within 4 ULP in the
 * windows, and the ordinary vector passed through unchanged elsewhere (a sentinel makes that visible).
 */
class VRootsTest {

  private static final double SENTINEL = -7.0;
  private static final int N = Lanes.D.length();

  /** One function: how to call VRoots, its parameters, and its root in x. */
  private record Case(String id, double[] p, double root, Corr corr) {}

  @FunctionalInterface
  private interface Corr {
    DoubleVector apply(DoubleVector x, double[] p, DoubleVector ordinary);
  }

  private static List<Case> cases() {
    double gate = -1.2784645427610738;
    return List.of(
        new Case("silu", new double[0], gate, apart("silu")),
        new Case("swish", new double[] {1.0}, gate, apart("swish")),
        new Case("swish", new double[] {1.5}, gate / 1.5, apart("swish")),
        new Case("swish", new double[] {0.37}, gate / 0.37, apart("swish")),
        new Case("adaptive_swish", new double[] {0.2, 2.0}, gate / 2, apart("adaptive_swish")),
        new Case("quick_gelu", new double[0], gate / 1.702, apart("quick_gelu")),
        new Case("mish", new double[0], -1.1924312145154952, (x, p, o) -> VRoots.mish(x, o)),
        new Case("gelu", new double[0], -0.7517915246935645, (x, p, o) -> VRoots.gelu(x, o)),
        new Case("gelu_tanh", new double[0], -0.7524614220710163, (x, p, o) -> VRoots.geluTanh(x, o)),
        new Case("tanhexp", new double[0], -1.078860058464624, apart("tanhexp")),
        new Case("serf", new double[0], -1.193059968928188, (x, p, o) -> VRoots.serf(x, o)));
  }

  /** A {@link RootSeriesForm}'s series blended into the given ordinary vector, as its one-pass dfdx does. */
  private static Corr apart(String id) {
    RootSeriesForm form = (RootSeriesForm) SimdKernels.kernel(Catalog.activation(id)).form();
    return (x, p, o) -> {
      var near = form.nearRoots(x, p);
      return near.anyTrue() ? o.blend(form.dfdxNearRoots(x, p), near) : o;
    };
  }

  private static double ulps(double ours, double ref) {
    return ours == ref ? 0 : Math.abs(ours - ref) / Math.ulp(ref);
  }

  private static double[] pointsNear(double r, double spread, SplittableRandom rnd) {
    List<Double> xs = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
        0.0, Double.MIN_VALUE, 1e300, -1e300));
    double x = r;
    for (int k = 0; k < 40; k++) {
      xs.add(x);
      x = Math.nextUp(x);
    }
    x = r;
    for (int k = 0; k < 40; k++) {
      x = Math.nextDown(x);
      xs.add(x);
    }
    for (float f = (float) r, g = f, k = 0; k < 16; k++) {
      f = Math.nextUp(f);
      g = Math.nextDown(g);
      xs.add((double) f);
      xs.add((double) g);
    }
    for (int k = 0; k < 400; k++) {
      xs.add(r + rnd.nextDouble(-spread, spread));
    }
    while (xs.size() % N != 0) {
      xs.add(r);
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void seriesMatchTheScalarReferenceInsideAndPassTheOrdinaryOutside() {
    SplittableRandom rnd = new SplittableRandom(20261122);
    int inside = 0;
    for (Case c : cases()) {
      Activation fn = (Activation) Catalog.find(c.id()).orElseThrow();
      double[] xs = pointsNear(c.root(), 1.5, rnd);
      for (int i = 0; i < xs.length; i += N) {
        DoubleVector x = DoubleVector.fromArray(Lanes.D, xs, i);
        double[] out = c.corr().apply(x, c.p(), DoubleVector.broadcast(Lanes.D, SENTINEL)).toArray();
        for (int j = 0; j < N; j++) {
          double xi = xs[i + j];
          double ref = fn.dfdx(xi, fn.f(xi, c.p()), c.p());
          if (out[j] == SENTINEL) {
            continue; // outside the window: the ordinary vector passes through
          }
          inside++;
          assertTrue(Math.abs(xi - c.root()) < 0.6 * Math.max(1, Math.abs(c.root())),
              c.id() + ": corrected far from the root at " + xi);
          assertTrue(ulps(out[j], ref) <= 4, c.id() + " " + java.util.Arrays.toString(c.p()) + " x=" + xi + ": "
              + out[j] + " vs scalar " + ref + " (" + ulps(out[j], ref) + " ULP)");
        }
      }
      for (double xi : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, 5.0}) {
        DoubleVector x = DoubleVector.broadcast(Lanes.D, xi);
        assertEquals(SENTINEL, c.corr().apply(x, c.p(), DoubleVector.broadcast(Lanes.D, SENTINEL)).lane(0),
            c.id() + " must pass the ordinary value through at " + xi);
      }
    }
    assertTrue(inside >= 11 * 112, "too few corrected lanes: " + inside);
  }

  @Test
  void snakeMatchesTheScalarReferenceNextToItsDoubleRoots() {
    Activation fn = (Activation) Catalog.find("snake").orElseThrow();
    SplittableRandom rnd = new SplittableRandom(7);
    int corrected = 0;
    for (double a : new double[] {1.0, 0.5, 3.7, -0.013}) {
      for (int k : new int[] {-1000, -7, -1, 0, 1, 2, 30, 99999}) {
        double r = (-Math.PI / 4 + k * Math.PI) / a;
        double[] xs = pointsNear(r, 0.7 / Math.abs(a), rnd);
        double[] p = {a};
        for (int i = 0; i < xs.length; i += N) {
          double[] naive = new double[N];
          for (int j = 0; j < N; j++) {
            naive[j] = 1 + Math.sin(2 * a * xs[i + j]); // what a plain vector form computes
          }
          DoubleVector ordinary = DoubleVector.fromArray(Lanes.D, naive, 0);
          double[] out = VRoots.snake(DoubleVector.fromArray(Lanes.D, xs, i), p, ordinary).toArray();
          for (int j = 0; j < N; j++) {
            double xi = xs[i + j];
            if (!(Math.abs(a * xi) < QuarterPi.LIMIT) || !(naive[j] < 0.5)) {
              assertEquals(naive[j], out[j], 0.0, "snake must pass the ordinary value through at " + xi);
              continue;
            }
            corrected++;
            double ref = fn.dfdx(xi, fn.f(xi, p), p);
            assertTrue(ulps(out[j], ref) <= 4, "snake a=" + a + " x=" + xi + ": " + out[j] + " vs scalar " + ref);
          }
        }
      }
    }
    assertTrue(corrected > 1000, "too few corrected lanes: " + corrected);
  }
}
