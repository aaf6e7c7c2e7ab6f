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
 * gelu's double kernels against the scalar reference: to the bit where the lanes are {@link VGaussDouble} (the
 * reference's {@code math.Gauss} operations, in the same order, on the same table bits), within 4 ULP elsewhere
 * (the library version on machines without 8 double lanes). On both sides of every table interval's edges (the
 * half binades from 1/2 to 32), at and densely next to the root of f', where the result underflows (|x| near 38.5
 * and the clamp at 39), in entry 0's rounded-t range (|x| &lt; 7/32), on random doubles over every magnitude, and
 * at the special values. (Their accuracy against mpmath is UlpAccuracyTest's: the double nearest the root there
 * caught a root low part with only 14 correct digits.)
 */
class GeluDoubleLanesTest {

  @Test
  void forwardAndBackwardAgreeWithTheReference() {
    Activation gelu = Catalog.activation("gelu");
    Kernel k = KernelProvider.kernel(gelu);
    double[] p = gelu.spec().defaults();
    double[] x = inputs(new SplittableRandom(21));
    double[] y = new double[x.length];
    double[] d = new double[x.length];
    double[] ones = new double[x.length];
    Arrays.fill(ones, 1);
    k.forward(x, 0, y, 0, x.length, ParamBlock.shared(p));
    k.backward(x, 0, ones, 0, d, 0, x.length, ParamBlock.shared(p), null);
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < x.length && bad.size() < 10; i++) {
      double want = gelu.f(x[i], p);
      double wantD = gelu.dfdx(x[i], want, p);
      if (!close(y[i], want)) {
        bad.add("gelu(" + x[i] + ") = " + y[i] + ", reference " + want);
      }
      if (!close(d[i], wantD)) {
        bad.add("gelu'(" + x[i] + ") = " + d[i] + ", reference " + wantD);
      }
    }
    assertEquals(List.of(), bad);
  }

  private static boolean close(double got, double want) {
    boolean same = Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want)
        || Double.isNaN(got) && Double.isNaN(want);
    if (same || VGaussDouble.SUPPORTED || Double.isNaN(want) || Double.isInfinite(want)) {
      return same;
    }
    return Math.abs(got - want) <= 4 * Math.ulp(want) && Math.copySign(1, got) == Math.copySign(1, want);
  }

  private static double[] inputs(SplittableRandom r) {
    List<Double> x = new ArrayList<>();
    for (double edge = 0.5; edge <= 32; edge *= 2) {
      for (double e : new double[] {edge, 1.5 * edge, 7.0 / 16, 7.0 / 32, 39}) {
        double v = e;
        for (int i = 0; i < 4; i++) {
          double above = Math.nextUp(e) + (Math.nextUp(e) - e) * i;
          x.addAll(List.of(v, -v, above, -above));
          v = Math.nextDown(v);
        }
      }
    }
    double root = -0.7517915246935645; // the double nearest the root of gelu', and its neighbours
    for (int i = 0; i < 8; i++) {
      x.addAll(List.of(root, Math.nextUp(root) + i * Math.ulp(root), Math.nextDown(root) - i * Math.ulp(root)));
    }
    for (int i = 0; i < 4_000; i++) {
      x.add(root + r.nextDouble(-1e-3, 1e-3));
      x.add(-r.nextDouble(38.3, 39.5));
      x.add(r.nextDouble(-0.21875, 0.21875));
      x.add(r.nextDouble(-45, 45));
      x.add(Math.copySign(Math.exp(r.nextDouble(Math.log(1e-320), Math.log(1e300))), r.nextDouble() - 0.5));
    }
    x.addAll(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE,
        -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE));
    return x.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
