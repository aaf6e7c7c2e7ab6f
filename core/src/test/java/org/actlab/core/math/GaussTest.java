package org.actlab.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link Gauss}: H and W against mpmath at a few points of different intervals, and the compensated exponential
 * where the plain {@code c·exp(−a²/2)} loses digits (the rounding of a², up to a²/4 ULP) and where the result is
 * subnormal (one rounding). Expected values from mpmath at 40 digits, never from this code.
 */
class GaussTest {

  /** mpmath: H(a) = ncdf(−a)·exp(a²/2), W(a) = (H(a) − a/√(2π))/(a − r). */
  private static final double[][] H_W = {
      {0.1, 0.46247878528753561121, -0.64834313003082960034},
      {1, 0.26157829186512337168, -0.5534218296402698886},
      {3.7, 0.10124262938195415329, -0.46633195027378315603},
      {12.5, 0.031714925569815494048, -0.42177184630857915514},
      {30, 0.013283349353983794274, -0.40874247298880904611}};

  @Test
  void tablesAgreeWithMpmath() {
    for (double[] row : H_W) {
      assertEquals(row[1], Gauss.h(row[0]), 2 * Math.ulp(row[1]), "H(" + row[0] + ")");
      assertEquals(row[2], Gauss.w(row[0]), 2 * Math.ulp(row[2]), "W(" + row[0] + ")");
    }
  }

  @Test
  void exponentialKeepsDigitsAndRoundsSubnormalsOnce() {
    // mpmath: exp(-mpf(-37.123456789)**2/2) = 5.473979774811862e-300 - 2.17889536e-316 (the double's exact value)
    double got = Gauss.timesGauss(1.0, 37.123456789);
    assertTrue(ErfTest.ulps(got, 5.473979774811862e-300, -2.17889536e-316) <= 1, "e^(-a²/2) = " + got);
    // mpmath: -0.4 * exp(-mpf(38.5)**2/2) = -5.4395e-323 (subnormal): rounded once, to -5.4e-323 (11 · 2^-1074)
    assertEquals(-5.4e-323, Gauss.timesGauss(-0.4, 38.5), 0.0);
    assertTrue(Double.isNaN(Gauss.timesGauss(1.0, Double.NaN)));
  }
}
