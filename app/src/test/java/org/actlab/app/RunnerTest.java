package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.actlab.core.activation.Family;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.Saturation;
import org.actlab.core.activation.Smoothness;
import org.actlab.core.activation.Spec;
import org.junit.jupiter.api.Test;

/** The runners with a test-only row function shaped like a GLU (a ⊗ b), which the catalog does not hold yet. */
class RunnerTest {

  /** y = a ⊗ b for the halves a, b of an even row; odd rows are rejected like PyTorch's glu. */
  private static final RowActivation PRODUCT = new RowActivation() {
    private final Spec spec = Spec.builder("test_product").name("test").family(Family.GLU).formula("a b")
        .derivative("-").reference("test").range(Range.REAL).smoothness(Smoothness.C_INF)
        .saturation(Saturation.NONE).notes("test").build();

    @Override
    public Spec spec() {
      return spec;
    }

    @Override
    public int outputLength(int n) {
      if (n % 2 != 0) {
        throw new IllegalArgumentException("test_product needs an even row length, got " + n);
      }
      return n / 2;
    }

    @Override
    public void forward(double[] x, int xOff, int n, double[] y, int yOff, double[] p) {
      for (int i = 0; i < n / 2; i++) {
        y[yOff + i] = x[xOff + i] * x[xOff + n / 2 + i];
      }
    }

    @Override
    public void backward(double[] x, int xOff, int n, double[] dy, int dyOff, double[] dx, int dxOff, double[] p,
                         double[] work) {
      for (int i = 0; i < n / 2; i++) {
        dx[dxOff + i] = dy[dyOff + i] * x[xOff + n / 2 + i];
        dx[dxOff + n / 2 + i] = dy[dyOff + i] * x[xOff + i];
      }
    }
  };

  private static Rows rows(String text, Dtype dtype) {
    return RowReader.read(new java.io.BufferedReader(new java.io.StringReader(text)), "test", dtype);
  }

  @Test
  void oddRowIsRejectedNamingItsLine() {
    Runner r = Runner.of(PRODUCT, new double[0], KernelChoice.AUTO);
    CliException e = assertThrows(CliException.class, () -> r.outputLengths(rows("1 2\n\n1 2 3\n", Dtype.F64)));
    assertEquals("input line 3: test_product needs an even row length, got 3", e.getMessage());
  }

  @Test
  void rowsOfDifferentLengthsShrinkAndGrowBack() {
    Runner r = Runner.of(PRODUCT, new double[0], KernelChoice.SCALAR);
    for (Dtype dtype : Dtype.values()) {
      Rows x = rows("2 3\n1 2 4 5\n", dtype);
      assertArrayEquals(new int[] {1, 2}, r.outputLengths(x));
      Rows y = r.forward(x, dtype);
      assertArrayEquals(new double[] {6, 4, 10}, y.values());
      Rows dy = rows("10\n1 -1\n", dtype);
      assertArrayEquals(new double[] {30, 20, 4, -5, 1, -2}, r.backward(x, dy, dtype).values());
    }
  }

  @Test
  void readerKeepsLineNumbersAndRoundsF32Once() {
    Rows x = rows("\n 1\t2 \n\n0.1\n", Dtype.F32);
    assertArrayEquals(new int[] {2, 4}, x.lines());
    assertArrayEquals(new double[] {1, 2, 0.1f}, x.values());
    assertEquals(2, x.count());
  }
}
