package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * sine and snake on float arrays, whose widened lanes reduce by {@link VSinFloat} below |w0·x| = 2⁴⁹ and take the
 * vector-math path above, in the same vectors: within 1 ULP of the double reference rounded to float, forward and
 * backward, on random floats up to 2⁶⁰, the floats around the zeros of f and f', and the floats closest to a
 * multiple of π/2 below 2²² (found by a search over all of them; about 4·10⁻⁹ away, where a reduction that lost
 * bits would show first), for several parameters. Measured at 0.5 ULP (every float of several ranges), so a lost
 * part of π, a quadrant taken wrongly or a far lane blended wrongly fails here. {@code SimdParityTest}'s inputs
 * do not reach the far lanes.
 */
class VSinFloatTest {

  /** The floats closest to kπ and to (k + ½)π in [½, 2²²), from an exhaustive search (rounded reduction). */
  private static final float[] CLOSEST = {0x1.f9cbe2p8f, 0x1.f9cbe2p9f, 0x1.2d97c8p3f, 0x1.9a48dep16f,
      0x1.04ccbcp19f, 0x1.c463acp4f, 0x1.921fb6p1f, 0x1.f9cbe2p7f, 0x1.2d97c8p2f, 0x1.9a48dep15f, 0x1.4ac55cp21f,
      0x1.04ccbcp18f, 0x1.921fb6p0f, 0x1.17cc5p11f, 0x1.78fdbap4f, 0x1.921fb4p0f, 0x1.ae65fp7f, 0x1.bd4268p15f};

  @Test
  void sineAndSnakeMatchTheReferenceNearZerosAndBeyondTheReductionLimit() {
    List<String> failures = new ArrayList<>();
    check("sine", new double[] {30}, Math.PI / 30, 0, failures); // zeros of f at kπ/w0
    check("sine", new double[] {30}, Math.PI / 30, Math.PI / 60, failures); // and of f' at (k + ½)π/w0
    check("sine", new double[] {0.7}, Math.PI / 0.7, 0, failures);
    check("sine", new double[] {1}, Math.PI / 2, 0, failures); // with the closest floats
    check("snake", new double[] {0.5}, Math.PI, 0, failures); // 2αx = x: the closest floats are next to roots of f'

    check("snake", new double[] {1}, Math.PI, -Math.PI / 4, failures); // zeros of f' at (kπ − π/4)/α
    check("snake", new double[] {-0.37}, Math.PI / 0.37, Math.PI / 4 / 0.37, failures);
    check("snake", new double[] {3}, Math.PI / 3, -Math.PI / 12, failures);
    assertTrue(failures.isEmpty(), failures.size() + " over 1 ULP:\n"
        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
  }

  /** Inputs: random floats, and the floats around {@code shift + k·period} for k up to about 2²² periods. */
  private static void check(String id, double[] p, double period, double shift, List<String> failures) {
    Activation a = Catalog.activation(id);
    Kernel k = KernelProvider.kernel(a);
    SplittableRandom r = new SplittableRandom(0x51 ^ id.hashCode() ^ Double.hashCode(p[0]));
    int n = 4099;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      if (i < 2 * CLOSEST.length) {
        x[i] = i % 2 == 0 ? CLOSEST[i / 2] : -CLOSEST[i / 2];
      } else if (i % 2 == 0) {
        double scale = Math.scalb(1.0, r.nextInt(-10, 61));
        x[i] = (float) r.nextDouble(-scale, scale);
      } else {
        long m = r.nextLong(-(1L << 22), 1L << 22) >> r.nextInt(0, 22);
        float c = (float) (shift + m * period);
        int step = r.nextInt(-3, 4);
        for (int s = 0; s < Math.abs(step); s++) {
          c = step > 0 ? Math.nextUp(c) : Math.nextDown(c);
        }
        x[i] = c;
      }
    }
    float[] y = new float[n];
    float[] dx = new float[n];
    float[] dy = new float[n];
    java.util.Arrays.fill(dy, 1f);
    ParamBlock pb = ParamBlock.shared(p);
    k.forward(x, 0, y, 0, n, pb);
    k.backward(x, 0, dy, 0, dx, 0, n, pb, null);
    for (int i = 0; i < n; i++) {
      double f = a.f(x[i], p);
      double d = a.dfdx(x[i], f, p);
      if (ulps(y[i], f) > 1 || ulps(dx[i], d) > 1) {
        failures.add(id + " " + p[0] + " x=" + x[i] + ": f " + y[i] + " (" + f + "), f' " + dx[i] + " (" + d + ")");
      }
    }
  }

  private static double ulps(float got, double want) {
    return Math.abs(got - want) / Math.ulp((float) want);
  }
}
