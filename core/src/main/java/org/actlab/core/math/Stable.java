package org.actlab.core.math;

/**
 * Numerically stable scalar building blocks (NUMERICS.md §4). Each keeps its error within a few ULP of the
 * correctly rounded result for every finite input, follows the NaN/±∞ rules, and never overflows in an
 * intermediate step.
 */
public final class Stable {

  private Stable() {}

  /**
   * The logistic sigmoid {@code 1/(1+e^{-x})}, branching on the sign so that {@code exp} only sees
   * {@code -|x|} and never overflows; tiny results for very negative x keep all their digits.
   */
  public static double sigmoid(double x) {
    double e = Math.exp(-Math.abs(x));
    return x >= 0 ? 1 / (1 + e) : e / (1 + e);
  }

  /**
   * {@code σ'(x) = σ(x)σ(-x) = e^{-|x|}/(1+e^{-|x|})²}: no {@code y(1-y)} cancellation, so the tails keep
   * their digits (PyTorch's {@code y*(1-y)} returns 0 or garbage there: NUMERICS.md §2).
   */
  public static double sigmoidDerivative(double x) {
    double e = Math.exp(-Math.abs(x));
    double d = 1 + e;
    return e / d / d;
  }

  /** {@code ln(1+e^x) = max(x,0) + log1p(e^{-|x|})}. */
  public static double softplus(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return x; // max(x,0) + log1p(0) would be fine too; made explicit because -|x| = -inf is the only path
    }
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /** {@code ln σ(x) = min(x,0) - log1p(e^{-|x|})}. */
  public static double logSigmoid(double x) {
    return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
  }

  /**
   * {@code sech²(x) = 1 - tanh²(x)} as {@code 4e^{-2|x|}/(1+e^{-2|x|})²}: the {@code 1 - y²} form cancels to 0
   * for |x| above about 19 (NUMERICS.md §2). {@code 2|x|} is exact, so no argument error is introduced.
   */
  public static double sech2(double x) {
    double e = Math.exp(-2 * Math.abs(x));
    double d = 1 + e;
    return 4 * e / d / d;
  }

  /**
   * {@code e^{a·b}} without the error of rounding {@code a·b} first. {@code exp(t)} amplifies a relative error
   * of {@code t} by |t| (350 ULP at t = -700), so the rounding error of the product, recovered exactly with
   * {@code fma}, is applied as a first-order correction.
   */
  public static double expProduct(double a, double b) {
    double t = a * b;
    double e = Math.exp(t);
    if (!Double.isFinite(t)) {
      return e;
    }
    double err = Math.fma(a, b, -t);
    return e + e * err;
  }

  /**
   * {@code sin(a·b)} without the error of rounding {@code a·b} first: for large arguments the product's rounding
   * (up to ulp(a·b)/2) would be a large absolute error in the sine. The exact remainder {@code err} is applied by
   * the angle-sum identity; to first order while {@code err² } is below double resolution.
   */
  public static double sinProduct(double a, double b) {
    double t = a * b;
    if (!Double.isFinite(t)) {
      return Math.sin(t);
    }
    double err = Math.fma(a, b, -t);
    if (Math.abs(err) < 0x1p-27) {
      return Math.sin(t) + err * Math.cos(t);
    }
    return Math.sin(t) * Math.cos(err) + Math.cos(t) * Math.sin(err); // |t| > 2^26: err² matters
  }

  /** {@code cos(a·b)} with the product's rounding error applied exactly (see {@link #sinProduct}). */
  public static double cosProduct(double a, double b) {
    double t = a * b;
    if (!Double.isFinite(t)) {
      return Math.cos(t);
    }
    double err = Math.fma(a, b, -t);
    if (Math.abs(err) < 0x1p-27) {
      return Math.cos(t) - err * Math.sin(t);
    }
    return Math.cos(t) * Math.cos(err) - Math.sin(t) * Math.sin(err);
  }

  /** The exact rounding error of {@code s = a + b} (Knuth's TwoSum): {@code a + b = s + error}, for any order. */
  public static double twoSumError(double a, double b, double s) {
    double bb = s - a;
    return (a - (s - bb)) + (b - bb);
  }
}
