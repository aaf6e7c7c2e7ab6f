package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.kernel.simd.form.SigmoidForm;
import org.junit.jupiter.api.Test;

/**
 * SigmoidForm's float lanes over a sample of ALL float bit patterns (every 251st, about 17 million inputs, both
 * signs, subnormals, ±∞, NaN): f and f' within 4 ULP of the double reference rounded to float.
 */
class SigmoidFloatSweepTest {

  private static final int STRIDE = 251;

  @Test
  void floatLanesStayWithinFourUlpOverSampledFloats() {
    SigmoidForm form = new SigmoidForm();
    Activation ref = Catalog.activation("sigmoid");
    double[] p = ref.spec().defaults();
    int n = Lanes.F.length();
    float[] x = new float[n];
    float[] y = new float[n];
    float[] d = new float[n];
    double worstF = 0;
    double worstD = 0;
    int k = 0;
    for (long bits = 0; bits < (1L << 32); bits += STRIDE) {
      x[k++] = Float.intBitsToFloat((int) bits);
      if (k < n) {
        continue;
      }
      k = 0;
      FloatVector v = FloatVector.fromArray(Lanes.F, x, 0);
      FloatVector yv = form.f(v, p);
      yv.intoArray(y, 0);
      form.dfdx(v, yv, p).intoArray(d, 0);
      for (int i = 0; i < n; i++) {
        double exact = ref.f(x[i], p);
        worstF = Math.max(worstF, ulps(y[i], exact, x[i]));
        worstD = Math.max(worstD, ulps(d[i], ref.dfdx(x[i], exact, p), x[i]));
      }
    }
    assertTrue(worstF <= 4, "sigmoid float lanes: f off by " + worstF + " ULP");
    assertTrue(worstD <= 4, "sigmoid float lanes: f' off by " + worstD + " ULP");
  }

  /** Distance of {@code got} from {@code exact} in float ULPs at the exact value; NaN must match NaN. */
  private static double ulps(float got, double exact, float x) {
    if (Double.isNaN(exact) || Float.isNaN(got)) {
      return Double.isNaN(exact) && Float.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (got == (float) exact) {
      return 0;
    }
    float ulp = Math.max(Math.ulp((float) Math.abs(exact)), Float.MIN_VALUE);
    return Math.abs(got - exact) / ulp;
  }
}
