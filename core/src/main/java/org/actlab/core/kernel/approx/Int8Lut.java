package org.actlab.core.kernel.approx;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.Bounds;

/**
 * An int8-quantised activation: the input is quantised as {@code q = clamp(rint(x/scale) + zeroPoint, −128, 127)}
 * (rounded half to even, as PyTorch's {@code quantize_per_tensor}),
 * the output is read from a 256-entry table built once from the catalog's double reference at the dequantised
 * points {@code (q − zeroPoint)·scale} (and its derivative, for backward), so any elementwise function works. This
 * is the "hardware-optimised" lookup of the lecture notes done right: the notes' quantised sigmoid never applied
 * the sigmoid (NUMERICS.md §5); here the table IS the reference, rounded to float.
 *
 * <p>Error inside the quantiser's range [(−128 − zp)·scale, (127 − zp)·scale]: at most how far f moves within half a step
 * of a node ({@code ≈ sup|f'|·scale/2}, or the jump at a discontinuity) plus the table's float rounding; outside
 * it the input is clamped to the end of the range and the error is {@code |f(x) − f(end)|}. {@link #maxAbsError()}
 * is that forward bound, measured when the table is built (f sampled at 16 points on each side of every node,
 * plus a 5% margin); {@code ApproxKernelTest} checks it against a dense sweep. Backward multiplies by f' at the
 * node (a straight-through estimate); its error is not bounded by {@link #maxAbsError()}. With SIMD on and 16 float
 * lanes, the arrays go through {@code kernel.simd.Int8Lanes}: the same index arithmetic, the table read by
 * permutes instead of per element (1,570 against 95 Melem/s in one harness run at 1M floats).
 */
public final class Int8Lut implements ApproxKernel {

  private final Activation fn;
  private final float invScale;
  private final double scale;
  private final int zeroPoint;
  private final float[] table = new float[256];
  private final float[] slope = new float[256];
  /** The two tables' bits, which the vector lanes read (Int8Lanes). */
  private final int[] tableBits;
  private final int[] slopeBits;
  private final double bound;
  private static final int SAMPLES = 16;

  /**
   * @param scale     quantisation step, finite and positive
   * @param zeroPoint integer mapped to 0.0, in [−128, 127]
   */
  public Int8Lut(Activation fn, double[] p, double scale, int zeroPoint) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be finite and > 0 (got " + scale + ")");
    }
    if (zeroPoint < -128 || zeroPoint > 127) {
      throw new IllegalArgumentException("zeroPoint must be in [-128, 127] (got " + zeroPoint + ")");
    }
    this.fn = fn;
    this.scale = scale;
    this.invScale = (float) (1 / scale);
    this.zeroPoint = zeroPoint;
    double dev = 0;
    for (int k = 0; k < 256; k++) {
      double x = (k - 128 - zeroPoint) * scale;
      double y = fn.f(x, p);
      table[k] = (float) y;
      slope[k] = (float) fn.dfdx(x, y, p);
      for (int j = 1; j <= SAMPLES; j++) { // how far f moves within half a step of the node (jumps included)
        double d = 0.5 * scale * j / SAMPLES;
        dev = Math.max(dev, Math.max(Math.abs(fn.f(x - d, p) - y), Math.abs(fn.f(x + d, p) - y)));
      }
    }
    tableBits = bitsOf(table);
    slopeBits = bitsOf(slope);
    // 5% margin for f between the samples and the float rounding of x/scale; plus the table's own rounding
    this.bound = 1.05 * dev + Math.ulp((float) maxAbs(table));
  }

  /** The default quantiser for {@code fn}: symmetric (zeroPoint 0), range covering its plot domain. */
  public static Int8Lut forPlotDomain(Activation fn) {
    double r = Math.max(Math.abs(fn.spec().plotLo()), Math.abs(fn.spec().plotHi()));
    return new Int8Lut(fn, fn.spec().defaults(), r / 127, 0);
  }

  private static double maxAbs(float[] v) {
    double m = 0;
    for (float f : v) {
      m = Math.max(m, Math.abs(f));
    }
    return m;
  }

  /**
   * Table index of {@code x}: {@code rint(clamp(x/scale, −128 − zp, 127 − zp)) + zp + 128} (the same as clamping
   * after rounding, the bounds being integers; computed in float as the vector lanes do); NaN maps to the zero
   * point.
   */
  public int index(float x) {
    float s = x * invScale;
    s = s < -128 - zeroPoint ? -128 - zeroPoint : s > 127 - zeroPoint ? 127 - zeroPoint : s;
    return (int) Math.rint(s) + zeroPoint + 128;
  }

  @Override
  public String id() {
    return fn.spec().id() + "~int8";
  }

  @Override
  public String target() {
    return fn.spec().id();
  }

  @Override
  public String describe() {
    return String.format("int8 lookup table (scale %.4g, zero point %d) over [%.4g, %.4g], |err| <= %.3g",
        scale, zeroPoint, domainLo(), domainHi(), bound);
  }

  @Override
  public double maxAbsError() {
    return bound;
  }

  @Override
  public double domainLo() {
    return (-128 - zeroPoint) * scale;
  }

  @Override
  public double domainHi() {
    return (127 - zeroPoint) * scale;
  }

  /** The table entry for quantised value {@code q}: {@code (float) f((q − zp)·scale)}. */
  public float tableAt(int q) {
    return table[q + 128];
  }

  /** The derivative entry for quantised value {@code q}: {@code (float) f'((q − zp)·scale)}. */
  public float slopeAt(int q) {
    return slope[q + 128];
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(y.length, yOff, n, "y");
    if (VectorLoops.INT8_LANES) {
      VectorLoops.int8Forward(tableBits, invScale, zeroPoint, x, xOff, y, yOff, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      float v = x[xOff + i];
      y[yOff + i] = v != v ? v : table[index(v)]; // NaN in, NaN out (index(NaN) is the zero point's)
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n) {
    Bounds.check(x.length, xOff, n, "x");
    Bounds.check(dy.length, dyOff, n, "dy");
    Bounds.check(dx.length, dxOff, n, "dx");
    if (VectorLoops.INT8_LANES) {
      VectorLoops.int8Backward(slopeBits, invScale, zeroPoint, x, xOff, dy, dyOff, dx, dxOff, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      float v = x[xOff + i];
      dx[dxOff + i] = v != v ? v : dy[dyOff + i] * slope[index(v)];
    }
  }

  /** As kernel.simd's LaneTables.bits, which this class must not load: it needs the vector module. */
  private static int[] bitsOf(float[] values) {
    int[] bits = new int[values.length];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
