package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * The double kernels built on {@link VExp#sigmoidExpOnly} (sigmoid's forward, softplus's backward at beta = 1,
 * logsigmoid's backward), which choose their branch through the exponential's argument: within 4 ULP of the
 * scalar references on doubles densest where the branches meet (t near ±38, ±39, and softplus's threshold), the
 * threshold exact (1 above it, σ at and below it, also for thresholds beyond the floor at 38 and below −39), and
 * NaN, ±∞ and the signed zeros as the references give them.
 */
class SigmoidExpOnlyTest {

  private record Case(String id, double[] p, boolean backward) {}

  @Test
  void agreeWithTheReferencesWhereTheBranchesMeet() {
    double[] x = inputs(new SplittableRandom(8));
    List<String> bad = new ArrayList<>();
    for (Case c : List.of(new Case("sigmoid", new double[0], false), new Case("softplus", new double[] {1, 20}, true),
        new Case("softplus", new double[] {1, 45}, true), new Case("softplus", new double[] {1, -50}, true),
        new Case("softplus", new double[] {1, 38.5}, true), new Case("logsigmoid", new double[0], true))) {
      Activation a = Catalog.activation(c.id());
      double[] p = c.p().length == 0 ? a.spec().defaults() : c.p();
      Kernel k = KernelProvider.kernel(a);
      double[] got = new double[x.length];
      if (c.backward()) {
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1);
        k.backward(x, 0, ones, 0, got, 0, x.length, ParamBlock.shared(p), null);
      } else {
        k.forward(x, 0, got, 0, x.length, ParamBlock.shared(p));
      }
      for (int i = 0; i < x.length && bad.size() < 10; i++) {
        double y = a.f(x[i], p);
        double want = c.backward() ? a.dfdx(x[i], y, p) : y;
        if (!close(got[i], want)) {
          bad.add(c.id() + Arrays.toString(p) + (c.backward() ? "'" : "") + "(" + x[i] + ") = " + got[i]
              + ", reference " + want);
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  private static boolean close(double got, double want) {
    if (Double.isNaN(want) || want == 0 || Double.isInfinite(want)) {
      return Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want)
          || Double.isNaN(want) && Double.isNaN(got);
    }
    return Math.abs(got - want) <= 4 * Math.ulp(want);
  }

  /** Every 2⁻¹² step over ±[36, 40], the thresholds and their neighbours, random doubles, the special values. */
  private static double[] inputs(SplittableRandom r) {
    List<Double> x = new ArrayList<>();
    for (double v = 36; v <= 40; v += 0x1p-12) {
      x.add(v);
      x.add(-v);
    }
    for (double t : new double[] {20, 45, -50, 38.5, 37.4, -39, -38, 38, 39}) {
      x.add(t);
      x.add(Math.nextUp(t));
      x.add(Math.nextDown(t));
    }
    for (int i = 0; i < 20_000; i++) {
      x.add(r.nextDouble(-60, 60));
      x.add(Math.copySign(Math.exp(r.nextDouble(Math.log(1e-300), Math.log(1e300))), r.nextDouble() - 0.5));
    }
    x.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -745.2, -744.0, -708.5, 708.5));
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
