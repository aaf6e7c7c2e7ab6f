package org.actlab.core.activation.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.junit.jupiter.api.Test;

/** Special rows and known values of softmax, softmin and log_softmax. */
class SoftmaxFamilyTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;
  private static final double[] NONE = {};

  private static RowActivation fn(String id) {
    return (RowActivation) Catalog.get(id);
  }

  private static double[] forward(String id, double... x) {
    double[] y = new double[x.length];
    fn(id).forward(x, 0, x.length, y, 0, NONE);
    return y;
  }

  private static double[] backward(String id, double[] x, double[] dy) {
    double[] dx = new double[x.length];
    fn(id).backward(x, 0, x.length, dy, 0, dx, 0, NONE, new double[x.length]);
    return dx;
  }

  @Test
  void softmaxSpecialRows() {
    assertArrayEquals(new double[] {1, 0, 0}, forward("softmax", INF, 1, 2));
    assertArrayEquals(new double[] {NAN, NAN, 0}, forward("softmax", INF, INF, 0));
    assertArrayEquals(new double[] {NAN, NAN}, forward("softmax", -INF, -INF));
    assertArrayEquals(new double[] {0, 1}, forward("softmax", -INF, 3));
  }

  @Test
  void softminIsSoftmaxOfTheNegation() {
    assertArrayEquals(new double[] {1, 0, 0}, forward("softmin", -INF, 1, 2));
    assertArrayEquals(new double[] {NAN, NAN, 0}, forward("softmin", -INF, -INF, 0));
    assertArrayEquals(new double[] {NAN, NAN}, forward("softmin", INF, INF));
    assertArrayEquals(new double[] {0.75, 0.25}, forward("softmin", 0, Math.log(3)), 1e-15);
    SplittableRandom r = new SplittableRandom(7);
    for (int t = 0; t < 100; t++) {
      double[] x = r.doubles(1 + r.nextInt(9), -5, 5).toArray();
      double[] neg = x.clone();
      for (int i = 0; i < neg.length; i++) {
        neg[i] = -neg[i];
      }
      assertArrayEquals(forward("softmax", neg), forward("softmin", x));
      double[] dy = r.doubles(x.length, -1, 1).toArray();
      double[] viaSoftmax = backward("softmax", neg, dy);
      double[] direct = backward("softmin", x, dy);
      for (int i = 0; i < x.length; i++) {
        assertEquals(-viaSoftmax[i], direct[i], 0.0, "chain rule through the negation");
      }
    }
  }

  @Test
  void logSoftmaxSpecialRows() {
    assertArrayEquals(new double[] {0, -INF, -INF}, forward("log_softmax", INF, 1, 2));
    assertArrayEquals(new double[] {NAN, NAN, -INF}, forward("log_softmax", INF, INF, 0));
    assertArrayEquals(new double[] {NAN, NAN, NAN}, forward("log_softmax", -INF, -INF, -INF));
    assertArrayEquals(new double[] {-INF, 0}, forward("log_softmax", -INF, 3));
    // The limit of the Jacobian at a single +∞: dx = g − e_top Σg.
    assertArrayEquals(new double[] {1, -4, 3}, backward("log_softmax", new double[] {1, INF, 2},
        new double[] {1, 2, 3}));
  }

  @Test
  void logSoftmaxKnownValues() {
    assertArrayEquals(new double[] {-Math.log(2), -Math.log(2)}, forward("log_softmax", 5, 5));
    // A dominant entry keeps its tiny value: log(1 + e^{-40}) = e^{-40}(1 − e^{-40}/2 + …).
    double[] y = forward("log_softmax", 0, -40);
    assertEquals(-Math.exp(-40), y[0], Math.ulp(Math.exp(-40)));
    assertEquals(-40 - Math.exp(-40), y[1], Math.ulp(40.0));
    assertArrayEquals(new double[] {0}, forward("log_softmax", 1e300));
    assertArrayEquals(new double[] {0, -2e300}, forward("log_softmax", 1e300, -1e300));
  }

  @Test
  void logSoftmaxIsTheLogOfSoftmax() {
    SplittableRandom r = new SplittableRandom(11);
    for (int t = 0; t < 200; t++) {
      double[] x = r.doubles(1 + r.nextInt(9), -20, 20).toArray();
      double[] ls = forward("log_softmax", x);
      double[] s = forward("softmax", x);
      for (int i = 0; i < x.length; i++) {
        assertEquals(s[i], Math.exp(ls[i]), 1e-14 * Math.max(s[i], 1e-300) + 1e-300, "at " + i);
      }
    }
  }
}
