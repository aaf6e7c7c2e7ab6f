package org.actlab.core.kernel.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The vector formula of one catalog activation: the same stable form as its double reference, lane-wise.
 * {@link SimdKernel} runs it over arrays; the parity and ULP tests hold it to the reference's 4 ULP bound.
 *
 * <p>Double lanes are mandatory. Float lanes are optional: a form that can meet the float32 bound computing in
 * float (piecewise-linear functions exactly, transcendental ones with care) overrides {@link #floatLanes()} and
 * the two float methods; otherwise float arrays are widened to double lanes, computed, and rounded once.
 *
 * <p>Both branches of every {@code blend} are computed, so each must be evaluated on safe inputs: a discarded
 * lane must not produce an ∞ or NaN that a later operation could pick up (NUMERICS.md §4).
 */
public interface VectorForm {

  /** The catalog id this form computes. */
  String id();

  /** {@code f(x; p)} lane-wise. */
  DoubleVector f(DoubleVector x, double[] p);

  /**
   * {@code f'(x; p)} lane-wise, from x alone. (The scalar contract also passes y = f(x) for reuse; in lanes,
   * recomputing f only to discard it cost most of the backward pass: sigmoid's went from 650 to 1860 Melem/s
   * without it.)
   */
  DoubleVector dfdx(DoubleVector x, double[] p);

  /**
   * {@code f(x; p)} for double lanes widened from float inputs, whose result will be rounded to float: a form may
   * override this with a cheaper computation accurate to well below a float ULP (relative error near 1e-10)
   * where its double form pays for full double precision.
   */
  default DoubleVector fWidened(DoubleVector x, double[] p) {
    return f(x, p);
  }

  /** {@code f'(x; p)} for double lanes widened from float inputs: as {@link #fWidened} for the derivative. */
  default DoubleVector dfdxWidened(DoubleVector x, double[] p) {
    return dfdx(x, p);
  }

  /**
   * True if double arrays' f runs in two passes, each its own compilation: {@link #fFirst} writes an intermediate
   * into the output, then {@link #fSecond} finishes from x and that. For a form whose one-pass graph is over C2's
   * node budget (the loop then boxes every vector); in-place calls and arrays shorter than a vector take
   * {@link #f(DoubleVector, double[])} in one pass, which the two passes must match to within the 4-ULP bound.
   */
  default boolean twoPassForward() {
    return false;
  }

  /** The first pass of a {@link #twoPassForward} form: one double per lane, which {@link #fSecond} reads back. */
  default DoubleVector fFirst(DoubleVector x, double[] p) {
    throw new UnsupportedOperationException(id() + " computes f in one pass");
  }

  /** The second pass of a {@link #twoPassForward} form: f from x and what {@link #fFirst} made of it. */
  default DoubleVector fSecond(DoubleVector x, DoubleVector first, double[] p) {
    throw new UnsupportedOperationException(id() + " computes f in one pass");
  }

  /**
   * True for a {@link RootSeriesForm}: its double-lane f' takes a Taylor series in the lanes next to a root of f',
   * offered apart ({@link #dfdxAwayFromRoots}, {@link #nearRoots}, {@link #dfdxNearRoots}), and double arrays get
   * the ordinary formula in one pass and the series in a second pass of its own, each its own compilation.
   */
  default boolean rootsApart() {
    return false;
  }

  /**
   * What the double backward's first pass computes: f' away from the roots of f' for a {@link RootSeriesForm},
   * {@link #dfdx(DoubleVector, double[])} itself for every other form.
   */
  default DoubleVector dfdxAwayFromRoots(DoubleVector x, double[] p) {
    return dfdx(x, p);
  }

  /** The lanes where {@link #dfdx(DoubleVector, double[])} takes the root series (false for NaN). */
  default VectorMask<Double> nearRoots(DoubleVector x, double[] p) {
    throw new UnsupportedOperationException(id() + " keeps its root series inline");
  }

  /** f' by the root series, valid in the {@link #nearRoots} lanes. */
  default DoubleVector dfdxNearRoots(DoubleVector x, double[] p) {
    throw new UnsupportedOperationException(id() + " keeps its root series inline");
  }

  /**
   * The form whose loops compute this one at parameter values {@code p}: this form, unless another computes it
   * there with the same bits in fewer operations (swish at beta = 1 is silu). The kernel asks for every call, so
   * a form need not test such values inside its lanes. Why: a parameter test inside the lanes puts both of its
   * paths in the compiled loop as soon as the compile has counted enough deoptimizations (C2 then parses every
   * branch), and swish's loop, with silu's float lanes and the double lanes of beta ≠ 1 in one graph, went over
   * C2's inlining budget and boxed with {@code -XX:PerMethodTrapLimit=0} (786,624 bytes per call of 65,541 floats).
   */
  default VectorForm regime(double[] p) {
    return this;
  }

  /**
   * False if double arrays' f' should take the scalar reference instead of {@link #dfdx(DoubleVector, double[])}:
   * for a form whose accurate double-lane f' is too large a graph for C2 (over its node budget the loop boxes
   * every vector and runs slower than the scalar loop) and whose small one is not within the 4-ULP bound.
   */
  default boolean doubleSlopeLanes() {
    return true;
  }

  /** True if the float methods are implemented and accurate to the float32 bound. */
  default boolean floatLanes() {
    return false;
  }

  /**
   * True if {@link #dfdx(FloatVector, double[])} is implemented and accurate to the float32 bound; by default, as
   * {@link #floatLanes()}. A form whose f is accurate in float lanes but whose f' is not yet keeps the widened
   * double lanes for f' alone.
   */
  default boolean floatSlopeLanes() {
    return floatLanes();
  }

  /** {@code f(x; p)} in float lanes; only called when {@link #floatLanes()} is true. */
  default FloatVector f(FloatVector x, double[] p) {
    throw new UnsupportedOperationException(id() + " has no float lanes");
  }

  /** {@code f'(x; p)} in float lanes; only called when {@link #floatSlopeLanes()} is true. */
  default FloatVector dfdx(FloatVector x, double[] p) {
    throw new UnsupportedOperationException(id() + " has no float lanes");
  }
}
