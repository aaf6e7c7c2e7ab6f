package org.actlab.core.activation.fn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * sine (w0 = 30) at doubles whose w0·x lies next to a zero of the sine or of the cosine, with |w0·x| between 7·10⁴
 * and 1.2·10⁶: there {@code sin t·cos err + cos t·sin err} cancels (the reference's form before 2026-11-22 was
 * 135 ULP off in f and 481 in f' at two of these points; a three-word π/4 left 8 ULP). The reference and the
 * float64 kernel (whichever the provider picks) must be within 2 ULP of mpmath's values, computed independently
 * with {@code mp.mp.dps = 60; mp.sin(30*mp.mpf(x))} and {@code 30*mp.cos(30*mp.mpf(x))}.
 */
class SineNearZerosTest {

  /** x, then the exact f where it is next to a zero, or f' where f' is. */
  private static final double[][] F = {
      {-9090.512502427426, -2.722710236315932720283087e-14},
      {-10911.798483468549, 1.131589505856367981895951e-13},
      {27162.52424220271, -4.929492333469490553672311e-14}};
  private static final double[][] DF = {
      {-14522.483280116858, -3.075293329842991234722031e-13},
      {-2374.991686236324, -4.560846857655049714758192e-13},
      {36795.432716272415, -5.305861471684652906470469e-14}};

  @Test
  void referenceAndKernelKeepTheirDigitsNextToZeros() {
    Activation a = Catalog.activation("sine");
    double[] p = a.spec().defaults();
    Kernel k = KernelProvider.kernel(a);
    for (double[][] table : new double[][][] {F, DF}) {
      boolean slope = table == DF;
      double[] x = new double[table.length * 8]; // whole vectors of each point, and a tail
      for (int i = 0; i < x.length; i++) {
        x[i] = table[i % table.length][0];
      }
      double[] out = new double[x.length];
      if (slope) {
        double[] dy = new double[x.length];
        java.util.Arrays.fill(dy, 1.0);
        k.backward(x, 0, dy, 0, out, 0, x.length, ParamBlock.shared(p), null);
      } else {
        k.forward(x, 0, out, 0, x.length, ParamBlock.shared(p));
      }
      for (int i = 0; i < x.length; i++) {
        double want = table[i % table.length][1];
        double ref = slope ? a.dfdx(x[i], a.f(x[i], p), p) : a.f(x[i], p);
        String what = (slope ? "f'" : "f") + " at x = " + x[i];
        assertTrue(Math.abs(ref - want) <= 2 * Math.ulp(want), "reference " + what + ": " + ref + " vs " + want);
        assertTrue(Math.abs(out[i] - want) <= 2 * Math.ulp(want), k.kind() + " " + what + ": " + out[i] + " vs "
            + want);
      }
    }
  }
}
