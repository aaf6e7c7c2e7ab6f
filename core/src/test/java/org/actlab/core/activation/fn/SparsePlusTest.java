package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparsePlusTest {

  private final SparsePlus fn = new SparsePlus();
  private final double[] p = fn.spec().defaults();

  @Test
  void handCheckedValues() {
    assertEquals(0.25, fn.f(0, p));
    assertEquals(0.5, fn.dfdx(0, 0, p));
    assertEquals(1.0, fn.f(1, p));
    assertEquals(0.0, fn.f(-1, p));
    assertEquals(0x1p-62, fn.f(-1 + 0x1p-30, p)); // (x+1)^2/4 is exact near -1
    assertEquals(5.0, fn.f(5, p));
    assertEquals(0.0, fn.f(Double.NEGATIVE_INFINITY, p));
  }

  @Test
  void derivativeIsContinuousAtTheJoins() {
    assertEquals(0.0, fn.dfdx(-1, 0, p));
    assertEquals(0x1p-54, fn.dfdx(Math.nextUp(-1.0), 0, p));
    assertEquals(1.0, fn.dfdx(1, 0, p));
    assertEquals(1.0, fn.dfdx(Math.nextDown(1.0), 0, p), 1e-16);
  }
}
