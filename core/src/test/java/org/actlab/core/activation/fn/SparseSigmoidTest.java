package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SparseSigmoidTest {

  private final SparseSigmoid fn = new SparseSigmoid();
  private final double[] p = fn.spec().defaults();

  @Test
  void kinksAndPieces() {
    assertEquals(0.0, fn.dfdx(-1, 0, p));
    assertEquals(0.0, fn.dfdx(1, 0, p));
    assertEquals(0.5, fn.dfdx(Math.nextUp(-1.0), 0, p));
    assertEquals(0.5, fn.dfdx(Math.nextDown(1.0), 0, p));
    assertEquals(0.0, fn.f(-1, p));
    assertEquals(1.0, fn.f(1, p));
    assertEquals(0.5, fn.f(0, p));
    assertEquals(0.75, fn.f(0.5, p));
    assertEquals(0x1p-31, fn.f(-1 + 0x1p-30, p)); // (x+1)/2 is exact near -1
  }
}
