package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Kink;
import org.junit.jupiter.api.Test;

/** Hand-checked values, kink derivatives and parameter checks specific to the ReLU family. */
class ReluFamilyTest {

  private static double f(String id, double x, double... p) {
    Activation a = Catalog.activation(id);
    return a.f(x, p.length == 0 ? a.spec().defaults() : p);
  }

  private static double d(String id, double x, double... p) {
    Activation a = Catalog.activation(id);
    double[] q = p.length == 0 ? a.spec().defaults() : p;
    return a.dfdx(x, a.f(x, q), q);
  }

  @Test
  void handCheckedValues() {
    assertEquals(-3.5, f("identity", -3.5));
    assertEquals(Catalog.get("identity"), Catalog.get("linear"));
    assertEquals(6.0, f("relu6", 7.25));
    assertEquals(5.5, f("relu6", 5.5));
    assertEquals(0.0, f("relu6", -1.0));
    assertEquals(-0.03, f("leaky_relu", -3.0));
    assertEquals(0.2 * -3.0, f("leaky_relu", -3.0, 0.2));
    assertEquals(-1.0, f("hardtanh", -4.0));
    assertEquals(1.0, f("hardtanh", 4.0));
    assertEquals(0.25, f("hardtanh", 0.25));
    assertEquals(2.0, f("hardtanh", 3.0, -2.0, 2.0));
    assertEquals(0.0, f("hardshrink", 0.5));
    assertEquals(0.5000000000000001, f("hardshrink", 0.5000000000000001));
    assertEquals(-0.75, f("hardshrink", -0.75));
    assertEquals(0.25, f("softshrink", 0.75));
    assertEquals(-0.25, f("softshrink", -0.75));
    assertEquals(0.0, f("softshrink", 0.3));
    assertEquals(6.25, f("squared_relu", 2.5));
    assertEquals(5.0, d("squared_relu", 2.5));
    assertEquals(0.0, f("thresholded_relu", 1.0));
    assertEquals(1.5, f("thresholded_relu", 1.5));
    assertEquals(-7.0, f("threshold", 0.5, 1.0, -7.0));
    assertEquals(1.5, f("threshold", 1.5, 1.0, -7.0));
    assertEquals(1.0, f("heaviside", 1e-300));
    assertEquals(0.0, f("heaviside", -1e-300));
    assertEquals(0.5, f("heaviside", -0.0, 0.5), "-0.0 is 0: values");
    assertEquals(Catalog.get("heaviside"), Catalog.get("binary_step"));
  }

  @Test
  void kinkDerivativesExactly() {
    assertEquals(0.0, d("relu6", 0.0));
    assertEquals(0.0, d("relu6", 6.0));
    assertEquals(1.0, d("relu6", Math.nextDown(6.0)));
    assertEquals(0.01, d("leaky_relu", 0.0));
    assertEquals(0.25, d("prelu", 0.0));
    assertEquals(0.0, d("hardtanh", -1.0));
    assertEquals(0.0, d("hardtanh", 1.0));
    assertEquals(1.0, d("hardtanh", Math.nextUp(-1.0)));
    assertEquals(0.0, d("hardshrink", 0.5));
    assertEquals(0.0, d("hardshrink", -0.5));
    assertEquals(0.0, d("softshrink", 0.5));
    assertEquals(0.0, d("softshrink", -0.5));
    assertEquals(1.0, d("softshrink", Math.nextUp(0.5)));
    assertEquals(0.0, d("threshold", 0.0));
    assertEquals(0.0, d("thresholded_relu", 1.0));
    assertEquals(1.0, d("thresholded_relu", Math.nextUp(1.0)));
    assertEquals(0.0, d("heaviside", 0.0));
    assertEquals(0.0, d("squared_relu", 0.0));
  }

  @Test
  void kinkKindsFollowTheParameters() {
    var threshold = Catalog.activation("threshold").spec();
    assertTrue(!threshold.kinksAt(new double[] {0, 0}).get(0).jump(), "defaults: relu, a corner");
    assertTrue(threshold.kinksAt(new double[] {1, -7}).get(0).jump(), "value != threshold jumps");
    var hs = Catalog.activation("hardshrink").spec();
    assertEquals(2, hs.kinksAt(hs.defaults()).stream().filter(Kink::jump).count());
    assertEquals(1, hs.kinksAt(new double[] {0}).size(), "lambd = 0: identity with one corner at 0");
    var tr = Catalog.activation("thresholded_relu").spec();
    assertTrue(tr.kinksAt(tr.defaults()).get(0).jump());
    assertTrue(!tr.kinksAt(new double[] {0}).get(0).jump(), "theta = 0 is relu");
  }

  @Test
  void specialValues() {
    assertEquals(-0.0, f("leaky_relu", Double.NEGATIVE_INFINITY, 0.0), "zero slope at -inf: limit, not NaN");
    assertEquals(-0.0, f("prelu", Double.NEGATIVE_INFINITY, 0.0));
    assertEquals(Double.NEGATIVE_INFINITY, f("leaky_relu", Double.NEGATIVE_INFINITY));
    assertEquals(-0.0, f("hardtanh", -0.0), "clamp passes -0.0 through");
    assertEquals(0.0, f("relu6", -0.0));
    assertEquals(Double.POSITIVE_INFINITY, f("squared_relu", 1e200));
    assertEquals(Double.NEGATIVE_INFINITY, f("softshrink", Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(f("softshrink", Double.NaN)), "NaN gives NaN (PyTorch returns 0)");
    assertTrue(Double.isNaN(d("softshrink", Double.NaN)));
    assertTrue(Double.isNaN(f("heaviside", Double.NaN)));
    assertTrue(Double.isNaN(d("heaviside", Double.NaN)));
    assertTrue(Double.isNaN(f("threshold", Double.NaN)));
    assertTrue(Double.isNaN(f("hardshrink", Double.NaN)));
  }

  @Test
  void crossParameterChecks() {
    var ht = Catalog.get("hardtanh");
    var ex = assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(ht, Map.of("min_val", 1.0, "max_val", 1.0)));
    assertTrue(ex.getMessage().contains("min_val") && ex.getMessage().contains("max_val"), ex.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Catalog.params(ht, Map.of("min_val", 2.0)));
    var ss = assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(Catalog.get("softshrink"), Map.of("lambd", -0.1)));
    assertTrue(ss.getMessage().contains("lambd"), ss.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(Catalog.get("hardshrink"), Map.of("lambd", -0.1)));
    assertThrows(IllegalArgumentException.class,
        () -> Catalog.params(Catalog.get("thresholded_relu"), Map.of("theta", -1.0)));
    Catalog.params(ht, Map.of("min_val", 0.0, "max_val", 6.0)); // relu6 as hardtanh is fine
  }
}
