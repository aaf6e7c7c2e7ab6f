package org.actlab.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WᵀW = gain²·I (tall or square) or WWᵀ = gain²·I (wide), to float32 accuracy. */
class OrthogonalTest {

  private static final long SEED = 77L;

  @ParameterizedTest(name = "{0}x{1}x{2} gain {3}")
  @CsvSource({"64,32,1,1", "32,64,1,1", "50,50,1,1", "8,4,4,1", "100,100,1,2", "1,5,1,1", "5,1,1,1"})
  void rowsOrColumnsAreOrthonormal(int d0, int d1, int d2, double gain) {
    Tensor w = d2 == 1 ? new Tensor(d0, d1) : new Tensor(d0, d1, d2);
    new Orthogonal(gain).fill(w, d1 * d2, d0, new SplittableRandom(SEED));
    int rows = d0;
    int cols = d1 * d2;
    boolean wide = rows < cols;
    int n = wide ? rows : cols;
    float[] a = w.data();
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        int len = wide ? cols : rows;
        for (int k = 0; k < len; k++) {
          s += wide ? (double) a[i * cols + k] * a[j * cols + k] : (double) a[k * cols + i] * a[k * cols + j];
        }
        worst = Math.max(worst, Math.abs(s - (i == j ? gain * gain : 0)));
      }
    }
    assertEquals(0, worst, 2e-6 * gain * gain * Math.sqrt(n), "max |WᵀW − g²I| for seed " + SEED);
  }

  /**
   * W is the Q of the Gaussian sample's QR with diag R &gt; 0 (PyTorch's sign correction): redraw the sample with the
   * same seed in PyTorch's order (rows×cols, row-major; transposed when wide) and check that R = QᵀA is upper
   * triangular with a positive diagonal.
   */
  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"6,4", "3,5", "4,4"})
  void isTheSignCorrectedQOfTheGaussianSample(int rows, int cols) {
    Tensor w = new Tensor(rows, cols);
    new Orthogonal(1).fill(w, cols, rows, new SplittableRandom(SEED));
    SplittableRandom rng = new SplittableRandom(SEED);
    double[][] g = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        g[r][c] = rng.nextGaussian();
      }
    }
    boolean wide = rows < cols;
    int n = Math.min(rows, cols);
    int m = Math.max(rows, cols);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rij = 0; // (QᵀA)_{ij}: Q = W (tall) or Wᵀ (wide); A = G (tall) or Gᵀ (wide)
        for (int k = 0; k < m; k++) {
          rij += wide ? w.get(i, k) * g[j][k] : w.get(k, i) * g[k][j];
        }
        String why = "R[" + i + "][" + j + "] = " + rij + " seed " + SEED;
        if (i > j) {
          assertEquals(0, rij, 1e-5, why);
        } else if (i == j) {
          assertTrue(rij > 1e-3, why);
        }
      }
    }
  }

  @Test
  void rankOneIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Orthogonal(1).fill(new Tensor(5), 5, 1, new SplittableRandom(SEED)));
  }
}
