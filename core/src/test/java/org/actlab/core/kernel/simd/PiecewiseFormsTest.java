package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jdk.incubator.vector.FloatVector;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Kink;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.ScalarKernel;
import org.junit.jupiter.api.Test;

/**
 * Stricter than SimdParityTest for the piecewise and polynomial forms: double lanes equal the reference bit for
 * bit (signed zeros and NaN included); float lanes equal the rounded reference bit for bit where they are exact,
 * and within one float ULP where a double parameter or a polynomial is rounded in float (hardswish: 2.5), at
 * default and at non-float parameters.
 */
class PiecewiseFormsTest {

  private static final long SEED = 0x9EC3L;

  /**
   * id, parameters, and how many float ULPs float lanes may be from the scalar float path (0: bit-identical).
   * hardswish computes x·(x + 3)/6 in float, as PyTorch does: 1.84 ULP from exact, measured, plus the scalar
   * path's own half ULP.
   */
  private record Case(String id, double[] p, double floatUlps) {}

  private static final List<Case> CASES = List.of(
      new Case("identity", new double[0], 0), new Case("relu6", new double[0], 0),
      new Case("leaky_relu", new double[] {0.01}, 1), new Case("leaky_relu", new double[] {0.25}, 0),
      new Case("leaky_relu", new double[] {0}, 0), new Case("leaky_relu", new double[] {1e-50}, 1),
      new Case("leaky_relu", new double[] {3e39}, 1),
      new Case("prelu", new double[] {0.25}, 0), new Case("rrelu", new double[] {0.125, 1.0 / 3}, 1),
      new Case("threshold", new double[] {0.1, 0.7}, 0), new Case("threshold", new double[] {-2, 5}, 0),
      new Case("heaviside", new double[] {0.5}, 0), new Case("hardtanh", new double[] {-1, 1}, 0),
      new Case("hardtanh", new double[] {-0.3, 0.7}, 0), new Case("hardshrink", new double[] {0.5}, 0),
      new Case("hardshrink", new double[] {0.3}, 0), new Case("softshrink", new double[] {0.5}, 0),
      new Case("softshrink", new double[] {0.3}, 1), new Case("softshrink", new double[] {0}, 0),
      new Case("softshrink", new double[] {1e39}, 0), new Case("softshrink", new double[] {1.0 / 3}, 1),
      new Case("squared_relu", new double[0], 0), new Case("thresholded_relu", new double[] {1.0}, 0),
      new Case("thresholded_relu", new double[] {0.1}, 0), new Case("hardsigmoid", new double[0], 1),
      new Case("hardswish", new double[0], 2.5), new Case("sparse_plus", new double[0], 1),
      new Case("sparse_sigmoid", new double[0], 0), new Case("cube", new double[0], 1));

  @Test
  void doubleLanesAreTheReferenceAndFloatLanesWithinTheirBound() {
    List<String> bad = new ArrayList<>();
    for (Case c : CASES) {
      Activation a = Catalog.activation(c.id());
      SimdKernel simd = SimdKernels.kernel(a);
      assertTrue(simd.form().floatLanes(), c.id() + " has float lanes");
      double[] x = inputs(a, c.p());
      int n = x.length;
      ParamBlock pb = ParamBlock.shared(c.p());
      ScalarKernel ref = new ScalarKernel(a);
      double[] dy = new double[n];
      java.util.Arrays.fill(dy, 1.0);
      double[][] got = run(simd, x, dy, pb);
      double[][] want = run(ref, x, dy, pb);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < 4; k++) {
          boolean f32 = k >= 2;
          double u = f32 ? Math.ulp((float) want[k][i]) : 0;
          boolean ok = Double.compare(got[k][i], want[k][i]) == 0
              || f32 && Math.abs(got[k][i] - want[k][i]) <= c.floatUlps() * u;
          if (!ok) {
            bad.add(c.id() + java.util.Arrays.toString(c.p()) + " " + "f f' f32f f32f'".split(" ")[k] + " x="
                + x[i] + ": simd " + got[k][i] + ", scalar " + want[k][i]);
          }
        }
      }
    }
    assertTrue(bad.isEmpty(), "seed " + SEED + ", " + bad.size() + " mismatches:\n"
        + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
  }

  @Test
  void floatProductWithAnyDoubleConstantIsTheRoundedProduct() {
    SplittableRandom r = new SplittableRandom(SEED);
    float[] xs = new float[Lanes.F.length()];
    for (double s : new double[] {0.01, 1.0 / 3, -0.7, 1e-50, 1e-40, 3e38, 1e300, 0.0, -0.0}) {
      for (int rep = 0; rep < 50; rep++) {
        for (int i = 0; i < xs.length; i++) {
          xs[i] = (float) (r.nextBoolean() ? r.nextDouble(-1e4, 1e4) : r.nextDouble(-1, 1) * Math.pow(2, r.nextInt(-140, 120)));
        }
        xs[0] = Float.NEGATIVE_INFINITY;
        float[] out = new float[xs.length];
        VPiecewise.times(FloatVector.fromArray(Lanes.F, xs, 0), s).intoArray(out, 0);
        for (int i = 0; i < xs.length; i++) {
          float want = (float) (xs[i] * s);
          assertTrue(Float.compare(want, out[i]) == 0 || Math.abs(want - out[i]) <= Math.ulp(want),
              "x=" + xs[i] + " s=" + s + ": " + out[i] + " vs " + want);
        }
      }
    }
  }

  @Test
  void floatThresholdsDecideAsDoubleComparisons() {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    for (int k = 0; k < 10_000; k++) {
      double t = r.nextDouble(-10, 10) * Math.pow(10, r.nextInt(-40, 40));
      float lo = VPiecewise.below(t);
      float hi = VPiecewise.above(t);
      for (float x : new float[] {lo, hi, Math.nextDown(lo), Math.nextUp(hi), (float) t}) {
        assertEquals(x > t, x > lo, "x=" + x + " t=" + t);
        assertEquals(x <= t, x <= lo, "x=" + x + " t=" + t);
        assertEquals(x < t, x < hi, "x=" + x + " t=" + t);
      }
    }
  }

  private static double[] inputs(Activation a, double[] p) {
    SplittableRandom r = new SplittableRandom(SEED ^ a.spec().id().hashCode());
    List<Double> xs = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0,
        -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-40, -1e-40, 1e30, -1e30, 3e38, -3e38, 1e39, -1e39, 3.0, -3.0,
        1.0, -1.0, 6.0, 0.5, -0.5, 1.5, -1.5, 0.1, -0.1, 0.3, -0.3, 0.7, -0.7));
    for (Kink k : a.spec().kinksAt(p)) {
      double f = (float) k.x();
      xs.addAll(List.of(k.x(), f, (double) Math.nextUp((float) f), (double) Math.nextDown((float) f)));
    }
    while (xs.size() < 3000) {
      xs.add(xs.size() % 2 == 0 ? r.nextDouble(-8, 8) : r.nextDouble(-1, 1) * Math.pow(2, r.nextInt(-130, 130)));
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** f and f' in double on x, and in float on (float) x, widened. */
  private static double[][] run(org.actlab.core.kernel.Kernel k, double[] x, double[] dy, ParamBlock pb) {
    int n = x.length;
    double[] y = new double[n];
    double[] dx = new double[n];
    k.forward(x, 0, y, 0, n, pb);
    k.backward(x, 0, dy, 0, dx, 0, n, pb, null);
    float[] xf = new float[n];
    float[] dyf = new float[n];
    for (int i = 0; i < n; i++) {
      xf[i] = (float) x[i];
      dyf[i] = (float) dy[i];
    }
    float[] yf = new float[n];
    float[] dxf = new float[n];
    k.forward(xf, 0, yf, 0, n, pb);
    k.backward(xf, 0, dyf, 0, dxf, 0, n, pb, null);
    double[][] out = new double[4][n];
    for (int i = 0; i < n; i++) {
      out[0][i] = y[i];
      out[1][i] = dx[i];
      out[2][i] = yf[i];
      out[3][i] = dxf[i];
    }
    return out;
  }
}
