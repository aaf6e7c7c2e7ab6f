package org.actlab.nn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.actlab.nn.math.Im2col.Geometry;
import org.junit.jupiter.api.Test;

/** Im2col against a direct convolution, col2im as its exact adjoint, offsets, accumulation and geometry errors. */
class Im2colTest {

  private static final long SEED = 0x1C01L;

  private static final Geometry[] GEOMETRIES = {
      Geometry.square(1, 5, 5, 3, 1, 0), Geometry.square(2, 7, 7, 3, 2, 1), Geometry.square(3, 6, 5, 1, 1, 0),
      new Geometry(2, 5, 8, 2, 3, 1, 2, 0, 1), Geometry.square(1, 4, 4, 5, 1, 1), Geometry.square(3, 9, 9, 4, 3, 2)};

  private static float[] random(SplittableRandom rnd, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * rnd.nextDouble() - 1);
    }
    return x;
  }

  /** out[f, y, x] = Σ_c,i,j w[f, c, i, j]·in[c, y·s − p + i, x·s − p + j] in double, zero outside. */
  private static double direct(Geometry g, float[] in, float[] w, int f, int y, int x) {
    double s = 0;
    for (int c = 0; c < g.channels(); c++) {
      for (int i = 0; i < g.kernelH(); i++) {
        for (int j = 0; j < g.kernelW(); j++) {
          int h = y * g.strideH() - g.padH() + i;
          int v = x * g.strideW() - g.padW() + j;
          if (h >= 0 && h < g.height() && v >= 0 && v < g.width()) {
            s += (double) w[((f * g.channels() + c) * g.kernelH() + i) * g.kernelW() + j]
                * in[(c * g.height() + h) * g.width() + v];
          }
        }
      }
    }
    return s;
  }

  @Test
  void convolutionThroughGemmMatchesDirectLoops() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    int filters = 3;
    int checked = 0;
    for (Geometry g : GEOMETRIES) {
      float[] in = random(rnd, g.channels() * g.height() * g.width());
      float[] w = random(rnd, filters * g.rows());
      float[] cols = new float[g.rows() * g.cols()];
      Im2col.im2col(g, in, 0, cols, 0);
      float[] out = new float[filters * g.cols()];
      Gemm.mm(false, false, filters, g.cols(), g.rows(), 1f, w, 0, g.rows(), cols, 0, g.cols(), 0f, out, 0, g.cols());
      for (int f = 0; f < filters; f++) {
        for (int y = 0; y < g.outH(); y++) {
          for (int x = 0; x < g.outW(); x++) {
            double want = direct(g, in, w, f, y, x);
            assertEquals(want, out[(f * g.outH() + y) * g.outW() + x], 1e-5 * g.rows(), g + " f=" + f + " y=" + y);
            checked++;
          }
        }
      }
    }
    assertEquals(3 * (9 + 16 + 30 + 16 + 4 + 16), checked);  // filters × Σ outH·outW
  }

  @Test
  void col2imIsTheAdjointAndAccumulatesAtOffsets() {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    for (Geometry g : GEOMETRIES) {
      int n = g.channels() * g.height() * g.width();
      int m = g.rows() * g.cols();
      float[] x = random(rnd, n + 5);
      float[] y = random(rnd, m + 3);
      float[] cols = new float[m + 7];
      Im2col.im2col(g, x, 5, cols, 7);
      float[] dx = new float[n + 2];
      float[] base = random(rnd, n + 2);
      System.arraycopy(base, 0, dx, 0, dx.length);
      Im2col.col2im(g, y, 3, dx, 2);
      double lhs = 0;
      for (int i = 0; i < m; i++) {
        lhs += (double) cols[7 + i] * y[3 + i];
      }
      double rhs = 0;
      for (int i = 0; i < n; i++) {
        rhs += (double) x[5 + i] * (dx[2 + i] - base[2 + i]);
      }
      assertEquals(lhs, rhs, 1e-5 * m, g::toString);
      assertEquals(base[0], dx[0]);
      assertEquals(base[1], dx[1]);
      for (int i = 0; i < 7; i++) {
        assertEquals(0f, cols[i], "im2col wrote before its offset");
      }
    }
  }

  @Test
  void geometryComputesOutputSizesAndRejectsBadShapes() {
    Geometry lenet = Geometry.square(1, 28, 28, 5, 1, 0);
    assertEquals(24, lenet.outH());
    assertEquals(25, lenet.rows());
    assertEquals(576, lenet.cols());
    Geometry strided = Geometry.square(4, 7, 7, 3, 2, 1);
    assertEquals(4, strided.outW());
    assertEquals(36, strided.rows());
    var bad = assertThrows(IllegalArgumentException.class, () -> Geometry.square(1, 3, 3, 5, 1, 0));
    assertTrue(bad.getMessage().contains("does not fit"), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Geometry.square(1, 3, 3, 3, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Geometry.square(1, 3, 3, 3, 1, -1));
  }
}
