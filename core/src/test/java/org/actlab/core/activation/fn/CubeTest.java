package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CubeTest {

  private final Cube fn = new Cube();
  private final double[] p = fn.spec().defaults();

  @Test
  void handCheckedValues() {
    assertEquals(-8.0, fn.f(-2, p));
    assertEquals(12.0, fn.dfdx(-2, 0, p));
    assertEquals(27.0, fn.f(3, p));
    assertEquals(0.0, fn.dfdx(0, 0, p));
    assertEquals(Double.POSITIVE_INFINITY, fn.f(1e103, p));
    assertEquals(Double.NEGATIVE_INFINITY, fn.f(-1e103, p));
    assertEquals(Double.POSITIVE_INFINITY, fn.dfdx(Double.NEGATIVE_INFINITY, 0, p));
  }
}
