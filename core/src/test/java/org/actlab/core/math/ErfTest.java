package org.actlab.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * {@link Erf} against mpmath (erf_reference.csv, made by tools/erf_reference.py): worst error in ULP over seeded
 * points on [−30, 30], tiny and subnormal magnitudes, fdlibm's interval edges and erfc's underflow zone.
 */
class ErfTest {

  /** fdlibm documents &lt; 1 ULP; we allow 2. */
  private static final double MAX_ULP = 2.0;

  /** Rows of the reference file: x, then (hi, lo) pairs for erf, erfc, erfcx. */
  static List<double[]> reference(String resource) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (var in = ErfTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "missing test resource " + resource);
      var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",");
        double[] row = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
          row[i] = Double.parseDouble(cells[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Error of {@code got} against the true value {@code hi + lo}, in ULPs of {@code hi}. */
  static double ulps(double got, double hi, double lo) {
    if (got == hi && lo == 0) {
      return 0;
    }
    if (Double.isInfinite(hi)) {
      return got == hi ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs((got - hi) - lo) / Math.ulp(hi);
  }

  private static double worst(List<double[]> rows, int col, DoubleUnaryOperator fn, String name) {
    double worst = 0;
    double at = Double.NaN;
    for (double[] row : rows) {
      double e = ulps(fn.applyAsDouble(row[0]), row[col], row[col + 1]);
      if (!(e <= worst)) {
        worst = e;
        at = row[0];
      }
    }
    System.out.printf("Erf.%s: worst %.3f ULP at x = %s over %d mpmath points%n", name, worst, at, rows.size());
    assertTrue(worst <= MAX_ULP, name + ": " + worst + " ULP at x = " + at);
    return worst;
  }

  @Test
  void erfWithinTwoUlpOfMpmath() throws IOException {
    List<double[]> rows = reference("erf_reference.csv");
    assertTrue(rows.size() >= 400, "reference file too small: " + rows.size());
    worst(rows, 1, Erf::erf, "erf");
  }

  @Test
  void erfcWithinTwoUlpOfMpmath() throws IOException {
    worst(reference("erf_reference.csv"), 3, Erf::erfc, "erfc");
  }

  @Test
  void erfcxWithinTwoUlpOfMpmath() throws IOException {
    List<double[]> rows = reference("erf_reference.csv").stream().filter(r -> r[0] > -26).toList();
    worst(rows, 5, Erf::erfcx, "erfcx");
  }

  @Test
  void specialValues() {
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    assertTrue(Double.isNaN(Erf.erfc(Double.NaN)));
    assertTrue(Double.isNaN(Erf.erfcx(Double.NaN)));
    assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Erf.erfc(Double.POSITIVE_INFINITY));
    assertEquals(2.0, Erf.erfc(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Erf.erfcx(Double.POSITIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, Erf.erfcx(Double.NEGATIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, Erf.erfcx(-30));
    assertEquals(-0.0, Erf.erf(-0.0));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Erf.erf(-0.0)));
    assertEquals(1.0, Erf.erfc(-0.0));
    assertTrue(Erf.erf(Double.MIN_VALUE) > 0, "erf of the smallest subnormal must not flush to zero");
    assertEquals(1.0, Erf.erfcx(0.0));
  }

  @Test
  void oddAndComplementarySymmetry() {
    long seed = 0x5EEDL;
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      double x = r.nextDouble(-8, 8);
      assertEquals(-Erf.erf(x), Erf.erf(-x), 0.0, "seed " + seed + ": erf is odd at " + x);
      double sum = Erf.erfc(x) + Erf.erfc(-x);
      assertEquals(2.0, sum, 4 * Math.ulp(2.0), "seed " + seed + ": erfc(x) + erfc(-x) = 2 at " + x);
    }
  }
}
