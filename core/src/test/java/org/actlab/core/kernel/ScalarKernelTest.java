package org.actlab.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.junit.jupiter.api.Test;

/** The array contract: offsets, tails, per-channel parameters, gradient accumulation and bounds errors. */
class ScalarKernelTest {

  private static final long SEED = 20261122L;
  private static final int[] SIZES = {0, 1, 3, 7, 15, 16, 17, 33, 100, 1023};

  @Test
  void arraysMatchTheReferenceAtEveryOffsetAndSize() {
    SplittableRandom r = new SplittableRandom(SEED);
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      Kernel k = new ScalarKernel(a);
      double[] p = a.spec().defaults();
      ParamBlock pb = ParamBlock.shared(p);
      for (int n : SIZES) {
        int off = r.nextInt(5);
        double[] x = new double[n + off + 3];
        double[] dy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          x[i] = r.nextDouble(-8, 8);
          dy[i] = r.nextDouble(-2, 2);
        }
        double[] y = new double[n + 2];
        double[] dx = new double[n + 2];
        k.forward(x, off, y, 1, n, pb);
        k.backward(x, off, dy, off, dx, 1, n, pb, null);
        for (int i = 0; i < n; i++) {
          double xi = x[off + i];
          double want = a.f(xi, p);
          assertEquals(want, y[1 + i], 0, a.spec().id() + " seed " + SEED);
          assertEquals(dy[off + i] * a.dfdx(xi, want, p), dx[1 + i], 0, a.spec().id() + " seed " + SEED);
        }
        assertEquals(0.0, y[0], a.spec().id() + " wrote before its output range");
        assertEquals(0.0, y[n + 1], a.spec().id() + " wrote past its output range");
      }
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
  }

  @Test
  void floatPathIsTheRoundedDoubleReference() {
    for (Activation a : Catalog.elementwise()) {
      double[] p = a.spec().defaults();
      float[] x = {-3.5f, -1f, -0.25f, 0f, 0.1f, 1f, 2.75f, 40f};
      float[] y = new float[x.length];
      new ScalarKernel(a).forward(x, 0, y, 0, x.length, ParamBlock.shared(p));
      for (int i = 0; i < x.length; i++) {
        assertEquals((float) a.f(x[i], p), y[i], 0f, a.spec().id());
      }
    }
  }

  /** PReLU-style per-channel parameters in NCHW layout, and their accumulated gradients. */
  @Test
  void perChannelParametersFollowNchwAndAccumulateGradients() {
    Activation elu = Catalog.activation("elu");
    int channels = 3;
    int inner = 4;
    double[] alphas = {0.5, 1.0, 2.0};
    ParamBlock pb = ParamBlock.perChannel(alphas, 1, channels, inner);
    double[] x = new double[2 * channels * inner];
    for (int i = 0; i < x.length; i++) {
      x[i] = -1 - 0.1 * i;
    }
    double[] y = new double[x.length];
    new ScalarKernel(elu).forward(x, 0, y, 0, x.length, pb);
    for (int i = 0; i < x.length; i++) {
      int c = (i / inner) % channels;
      assertEquals(alphas[c] * Math.expm1(x[i]), y[i], 1e-15, "element " + i + " channel " + c);
    }
    assertThrows(IllegalArgumentException.class, () -> ParamBlock.perChannel(alphas, 1, 2, inner));
    alphas[0] = 99; // the block copied its values
    new ScalarKernel(elu).forward(x, 0, y, 0, 1, pb);
    assertEquals(0.5 * Math.expm1(x[0]), y[0], 1e-15);
  }

  @Test
  void learnableGradientsAreSummedPerChannel() {
    for (Activation a : Catalog.elementwise()) {
      if (!a.spec().learnable()) {
        continue;
      }
      double[] p = a.spec().defaults();
      int w = p.length;
      double[] values = new double[2 * w];
      System.arraycopy(p, 0, values, 0, w);
      System.arraycopy(p, 0, values, w, w);
      ParamBlock pb = ParamBlock.perChannel(values, w, 2, 3);
      double[] x = {-2, -1, -0.5, 0.5, 1, 2, -3, 3, -0.25, 0.75, 1.5, -1.5};
      double[] dy = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
      double[] gp = new double[2 * w];
      new ScalarKernel(a).backward(x, 0, dy, 0, new double[x.length], 0, x.length, pb, gp);
      double[] want = new double[2 * w];
      double[] g = new double[w];
      for (int i = 0; i < x.length; i++) {
        java.util.Arrays.fill(g, 0);
        a.dfdp(x[i], a.f(x[i], p), p, dy[i], g);
        int c = (i / 3) % 2;
        for (int k = 0; k < w; k++) {
          want[c * w + k] += g[k];
        }
      }
      for (int k = 0; k < want.length; k++) {
        assertEquals(want[k], gp[k], 1e-12 * Math.max(1, Math.abs(want[k])), a.spec().id() + " slot " + k);
      }
    }
  }

  @Test
  void badRangesFailWithAMessageInsteadOfCorruptingData() {
    Kernel k = new ScalarKernel(Catalog.activation("relu"));
    ParamBlock pb = ParamBlock.shared(new double[0]);
    IndexOutOfBoundsException ex = assertThrows(IndexOutOfBoundsException.class,
        () -> k.forward(new double[4], 2, new double[4], 0, 3, pb));
    assertTrue(ex.getMessage().contains("x: offset 2"), ex.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> k.forward(new float[4], 0, new float[2], 0, 3, pb));
    assertThrows(IllegalArgumentException.class,
        () -> new ScalarKernel(Catalog.activation("elu")).backward(new double[2], 0, new double[2], 0,
            new double[2], 0, 2, ParamBlock.shared(new double[] {1}), new double[3]));
  }

  @Test
  void forcingSimdFailsLoudlyForAFunctionWithoutAVectorForm() {
    Activation relu = Catalog.activation("relu");
    assertEquals("scalar", KernelProvider.kernel(relu, KernelProvider.Mode.OFF).kind());
    Activation unknown = new Activation() { // not in the catalog, so no vector form can exist
      @Override
      public org.actlab.core.activation.Spec spec() {
        return relu.spec();
      }

      @Override
      public double f(double x, double[] p) {
        return x;
      }

      @Override
      public double dfdx(double x, double y, double[] p) {
        return 1;
      }
    };
    if (KernelProvider.vectorModulePresent()) {
      assertEquals("simd", KernelProvider.kernel(relu, KernelProvider.Mode.FORCE).kind());
    } else {
      IllegalStateException ex = assertThrows(IllegalStateException.class,
          () -> KernelProvider.kernel(unknown, KernelProvider.Mode.FORCE));
      assertTrue(ex.getMessage().contains("--add-modules jdk.incubator.vector"), ex.getMessage());
    }
  }
}
