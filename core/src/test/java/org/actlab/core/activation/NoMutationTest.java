package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.RowKernel;
import org.junit.jupiter.api.Test;

/** Inputs, upstream gradients and parameter arrays are unchanged after forward and backward, for every entry. */
class NoMutationTest {

  @Test
  void kernelsNeverModifyTheirInputs() {
    int checked = 0;
    for (Entry e : Catalog.all()) {
      SplittableRandom r = Probe.random(e.spec().id());
      double[] p = e.spec().defaults();
      double[] pCopy = p.clone();
      double[] x = sample(r, 64);
      double[] dy = sample(r, 64);
      double[] x0 = x.clone();
      double[] dy0 = dy.clone();
      float[] xf = toFloat(x);
      float[] dyf = toFloat(dy);
      float[] xf0 = xf.clone();
      float[] dyf0 = dyf.clone();
      if (e instanceof Activation a) {
        Kernel k = KernelProvider.kernel(a);
        ParamBlock pb = ParamBlock.shared(p);
        double[] gp = new double[p.length];
        k.forward(x, 0, new double[64], 0, 64, pb);
        k.backward(x, 0, dy, 0, new double[64], 0, 64, pb, gp);
        k.forward(xf, 0, new float[64], 0, 64, pb);
        k.backward(xf, 0, dyf, 0, new float[64], 0, 64, pb, gp);
      } else if (e instanceof RowActivation ra) {
        RowKernel k = new RowKernel(ra);
        int m = ra.outputLength(8);
        k.forward(x, 0, 8, 8, new double[8 * m], 0, p);
        k.backward(x, 0, 8, 8, dy, 0, new double[64], 0, p);
        k.forward(xf, 0, 8, 8, new float[8 * m], 0, p);
        k.backward(xf, 0, 8, 8, dyf, 0, new float[64], 0, p);
      }
      String id = e.spec().id();
      assertArrayEquals(x0, x, id + " modified x");
      assertArrayEquals(dy0, dy, id + " modified dy");
      assertArrayEquals(xf0, xf, id + " modified float x");
      assertArrayEquals(dyf0, dyf, id + " modified float dy");
      assertArrayEquals(pCopy, p, id + " modified its parameters");
      checked++;
    }
    assertEquals(Catalog.all().size(), checked);
  }

  private static double[] sample(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble(-6, 6);
    }
    v[3] = Double.NaN;
    v[5] = Double.POSITIVE_INFINITY;
    v[7] = -0.0;
    return v;
  }

  private static float[] toFloat(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
