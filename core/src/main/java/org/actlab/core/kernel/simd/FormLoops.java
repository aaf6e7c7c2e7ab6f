package org.actlab.core.kernel.simd;

import static org.actlab.core.kernel.simd.Lanes.D;
import static org.actlab.core.kernel.simd.Lanes.F;
import static org.actlab.core.kernel.simd.Lanes.FH;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * TEMPLATE, never used directly: {@link Specializer} defines one hidden copy of this class per vector form, with
 * the form as class data, so {@link #FORM} is a constant in each copy. That makes every {@code FORM.f(...)} call
 * site monomorphic: the JIT inlines the form and keeps the vectors in registers. With one shared loop the call
 * site saw every form, went megamorphic, and each vector was boxed — 27 Melem/s for relu instead of GB/s.
 *
 * <p>Full-vector stores start at the output's 64-byte boundary ({@link Alignment}); the elements before it and
 * after the last full vector go through the same formula in a vector stored under a mask, so an element's result
 * does not depend on its position (thread splits stay bit-identical).
 */
final class FormLoops implements Loops {

  private static final VectorForm FORM = classData();

  private static VectorForm classData() {
    try {
      return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, VectorForm.class);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // Each loop runs in up to three parts, with a single call of the form: the elements before the output's
  // 64-byte boundary (a full vector from element 0, stored under a mask), the aligned middle, and the tail (the
  // full vector ending at element n, stored under a mask). Why this shape:
  // - The middle is a plain counted loop with affine indices, which C2 unrolls and range-checks once. The earlier
  //   single loop chose each iteration's position with a branch, and cost up to 35% at 1M (hardtanh forward
  //   6,300 against 9,500 Melem/s, harness run); with this shape 9,400.
  // - One call site per method: each inlined copy of a heavy form costs thousands of C2 nodes, and a second or
  //   third copy (head and tail written out) crossed C2's node budget, leaving those copies as calls that box
  //   their vectors. Head and tail in methods of their own stayed in C1 code, boxing, for their first ~5,000
  //   calls, as C2 compiles a method only after that many.
  // - The middle stores without a mask: a store under an all-true mask still tests the mask on every call, and
  //   one inlining log showed C2 leaving that test (VectorMask.allTrue) as a virtual call.
  // - Masked stores write only elements no other part writes, after reading only those elements' inputs, so the
  //   parts' order does not matter and the loops stay correct in place. Arrays shorter than one vector take the
  //   masked methods (JitInlining keeps them out of line, so they never spend this method's node budget).
  // The loops repeat one shape on purpose: a shared generic loop would pass vectors as objects, which is
  // exactly the boxing avoided here.

  @Override
  public void forward(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    int lanes = D.length();
    if (n < lanes || FORM.twoPassForward() && y == x) { // in place, the first pass would overwrite x
      forwardMasked(x, xOff, y, yOff, n, p);
      return;
    }
    if (FORM.twoPassForward()) {
      int end = D.loopBound(n);
      for (int lo = 0; lo < end; lo += PASS_BLOCK) { // in blocks, so that the second pass reads from cache
        int len = Math.min(PASS_BLOCK, end - lo);
        forwardFirstPass(x, xOff + lo, y, yOff + lo, len, p);
        forwardSecondPass(x, xOff + lo, y, yOff + lo, len, p);
      }
      forwardMasked(x, xOff + end, y, yOff + end, n - end, p); // f is the two passes' operations in one: same bits
      return;
    }
    int head = Alignment.head(yOff, n, Double.BYTES) % lanes;
    int end = head + D.loopBound(n - head);
    for (int part = head > 0 ? 0 : 1, last = end < n ? 2 : 1; part <= last; part++) {
      int from = part == 0 ? 0 : part == 1 ? head : n - lanes;
      int to = part == 1 ? end : from + lanes;
      VectorMask<Double> m = D.indexInRange(part == 0 ? 0 : n - lanes - end, part == 0 ? head : n - end);
      for (int i = from; i < to; i += lanes) {
        DoubleVector r = FORM.f(DoubleVector.fromArray(D, x, xOff + i), p);
        if (part == 1) {
          r.intoArray(y, yOff + i);
        } else {
          r.intoArray(y, yOff + i, m);
        }
      }
    }
  }

  @Override
  public void forward(float[] x, int xOff, float[] y, int yOff, int n, double[] p) {
    if (!FORM.floatLanes()) {
      forwardWidened(x, xOff, y, yOff, n, p);
      return;
    }
    int lanes = F.length();
    if (n < lanes) {
      forwardMasked(x, xOff, y, yOff, n, p);
      return;
    }
    int head = Alignment.head(yOff, n, Float.BYTES) % lanes;
    int end = head + F.loopBound(n - head);
    for (int part = head > 0 ? 0 : 1, last = end < n ? 2 : 1; part <= last; part++) {
      int from = part == 0 ? 0 : part == 1 ? head : n - lanes;
      int to = part == 1 ? end : from + lanes;
      VectorMask<Float> m = F.indexInRange(part == 0 ? 0 : n - lanes - end, part == 0 ? head : n - end);
      for (int i = from; i < to; i += lanes) {
        FloatVector r = FORM.f(FloatVector.fromArray(F, x, xOff + i), p);
        if (part == 1) {
          r.intoArray(y, yOff + i);
        } else {
          r.intoArray(y, yOff + i, m);
        }
      }
    }
  }

  /**
   * The two passes of a two-pass double forward ({@link VectorForm#twoPassForward}) over whole vectors (n a
   * multiple of the lane count; the caller sends the rest through forwardMasked): fFirst(x) into y, then
   * fSecond(x, y) into y. Each is its own compilation (the directive keeps them out of forward's), with a single
   * unmasked store: a masked tail in the second pass, a second copy of the form, took it over C2's node budget.
   */
  private static void forwardFirstPass(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    for (int i = 0; i < n; i += D.length()) {
      FORM.fFirst(DoubleVector.fromArray(D, x, xOff + i), p).intoArray(y, yOff + i);
    }
  }

  private static void forwardSecondPass(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    for (int i = 0; i < n; i += D.length()) {
      DoubleVector first = DoubleVector.fromArray(D, y, yOff + i);
      FORM.fSecond(DoubleVector.fromArray(D, x, xOff + i), first, p).intoArray(y, yOff + i);
    }
  }

  /**
   * Float arrays through double lanes: widened exactly, rounded once. The two widened loops keep the single-loop
   * shape (position chosen per iteration): with the three-part shape, gelu_tanh backward, the only benched form
   * on this path, ran at 228–244 Melem/s in full bench runs against 365–435 with this one (1M floats, same
   * session; its body calls the vector-math exp, and the plain counted loop is the one C2 unrolls).
   */
  private static void forwardWidened(float[] x, int xOff, float[] y, int yOff, int n, double[] p) {
    int lanes = FH.length();
    if (n < lanes) {
      forwardMasked(x, xOff, y, yOff, n, p);
      return;
    }
    int head = Alignment.head(yOff, n, Float.BYTES) % lanes;
    int end = head + FH.loopBound(n - head);
    VectorMask<Float> headMask = VectorMask.fromLong(FH, lowBits(head));
    VectorMask<Float> tailMask = VectorMask.fromLong(FH, lowBits(lanes) & ~lowBits(lanes - (n - end)));
    for (int i = head > 0 ? head - lanes : 0, stop = end < n ? end + lanes : end; i < stop; i += lanes) {
      int at = i < 0 ? 0 : i < end ? i : n - lanes;
      DoubleVector v = (DoubleVector) FloatVector.fromArray(FH, x, xOff + at).convertShape(VectorOperators.F2D, D, 0);
      FloatVector r = (FloatVector) FORM.fWidened(v, p).convertShape(VectorOperators.D2F, FH, 0);
      if (at == i) {
        r.intoArray(y, yOff + at);
      } else {
        r.intoArray(y, yOff + at, i < 0 ? headMask : tailMask);
      }
    }
  }

  @Override
  public void backward(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n, double[] p) {
    int lanes = D.length();
    // in place (dx is x or dy), the first pass of a form with its root series apart would overwrite what the
    // second reads: those calls take the one-pass masked loop, as short arrays do
    if (n < lanes || FORM.rootsApart() && (dx == x || dx == dy)) {
      backwardMasked(x, xOff, dy, dyOff, dx, dxOff, n, p);
      return;
    }
    if (FORM.rootsApart() && n > 2 * PASS_BLOCK) {
      backwardBlocksPass(x, xOff, dy, dyOff, dx, dxOff, n, p);
      return;
    }
    int head = Alignment.head(dxOff, n, Double.BYTES) % lanes;
    int end = head + D.loopBound(n - head);
    for (int part = head > 0 ? 0 : 1, last = end < n ? 2 : 1; part <= last; part++) {
      int from = part == 0 ? 0 : part == 1 ? head : n - lanes;
      int to = part == 1 ? end : from + lanes;
      VectorMask<Double> m = D.indexInRange(part == 0 ? 0 : n - lanes - end, part == 0 ? head : n - end);
      for (int i = from; i < to; i += lanes) {
        DoubleVector d = FORM.dfdxAwayFromRoots(DoubleVector.fromArray(D, x, xOff + i), p); // dfdx for most forms
        DoubleVector r = DoubleVector.fromArray(D, dy, dyOff + i).mul(d);
        if (part == 1) {
          r.intoArray(dx, dxOff + i);
        } else {
          r.intoArray(dx, dxOff + i, m);
        }
      }
    }
    if (FORM.rootsApart()) {
      backwardNearRootsPass(x, xOff, dy, dyOff, dx, dxOff, n, p);
    }
  }

  /**
   * Elements per block of the double loops that run in two passes (a {@link RootSeriesForm}'s backward, a
   * {@link VectorForm#twoPassForward} form's forward): 32 KB of each array, so that the second pass reads its
   * inputs back from cache. Over whole arrays it read them from memory again: silu's backward ran at
   * 254–279 Melem/s at 1M doubles against 343–410 at 64K in the same bench runs. A multiple of 8 lanes, so the
   * blocks after the first start where it did relative to the 64-byte boundary.
   */
  private static final int PASS_BLOCK = 4096;

  /**
   * The double backward of a {@link RootSeriesForm} block by block, each block both passes; the last block takes
   * the rest, between one and two blocks (a block shorter than a vector would take the masked loop, whose compile
   * boxes: 136–424 bytes per call, which WorstCaseProfileTest caught). Kept out of the backward method's
   * compilation by the directive: it calls that method again, on a block, which C2 could otherwise inline once
   * more, and a second copy of the form would go over the node budget.
   */
  private void backwardBlocksPass(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n,
                                  double[] p) {
    int lo = 0;
    for (; n - lo > 2 * PASS_BLOCK; lo += PASS_BLOCK) {
      backward(x, xOff + lo, dy, dyOff + lo, dx, dxOff + lo, PASS_BLOCK, p);
    }
    backward(x, xOff + lo, dy, dyOff + lo, dx, dxOff + lo, n - lo, p);
  }

  /**
   * The second pass of the double backward for a {@link RootSeriesForm}: the lanes next to a root of f' get the
   * root series. The last vector ends at element n and may overlap the one before; its lanes are written with the
   * same values again (dx is neither x nor dy here). Kept out of the first pass's compilation by the directive.
   */
  private static void backwardNearRootsPass(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff,
                                            int n, double[] p) {
    int lanes = D.length();
    for (int i = 0; i < n; i += lanes) {
      int at = Math.min(i, n - lanes);
      DoubleVector v = DoubleVector.fromArray(D, x, xOff + at);
      VectorMask<Double> near = FORM.nearRoots(v, p);
      if (near.anyTrue()) {
        DoubleVector.fromArray(D, dy, dyOff + at).mul(FORM.dfdxNearRoots(v, p)).intoArray(dx, dxOff + at, near);
      }
    }
  }

  @Override
  public void backward(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n, double[] p) {
    if (!FORM.floatSlopeLanes()) {
      backwardWidened(x, xOff, dy, dyOff, dx, dxOff, n, p);
      return;
    }
    int lanes = F.length();
    if (n < lanes) {
      backwardMasked(x, xOff, dy, dyOff, dx, dxOff, n, p);
      return;
    }
    int head = Alignment.head(dxOff, n, Float.BYTES) % lanes;
    int end = head + F.loopBound(n - head);
    for (int part = head > 0 ? 0 : 1, last = end < n ? 2 : 1; part <= last; part++) {
      int from = part == 0 ? 0 : part == 1 ? head : n - lanes;
      int to = part == 1 ? end : from + lanes;
      VectorMask<Float> m = F.indexInRange(part == 0 ? 0 : n - lanes - end, part == 0 ? head : n - end);
      for (int i = from; i < to; i += lanes) {
        FloatVector d = FORM.dfdx(FloatVector.fromArray(F, x, xOff + i), p);
        FloatVector r = FloatVector.fromArray(F, dy, dyOff + i).mul(d);
        if (part == 1) {
          r.intoArray(dx, dxOff + i);
        } else {
          r.intoArray(dx, dxOff + i, m);
        }
      }
    }
  }

  /** dy·f'(x) in double, rounded once: the scalar path's (float)(dy * f'(x)). */
  private static void backwardWidened(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                      double[] p) {
    int lanes = FH.length();
    if (n < lanes) {
      backwardMasked(x, xOff, dy, dyOff, dx, dxOff, n, p);
      return;
    }
    int head = Alignment.head(dxOff, n, Float.BYTES) % lanes;
    int end = head + FH.loopBound(n - head);
    VectorMask<Float> headMask = VectorMask.fromLong(FH, lowBits(head));
    VectorMask<Float> tailMask = VectorMask.fromLong(FH, lowBits(lanes) & ~lowBits(lanes - (n - end)));
    for (int i = head > 0 ? head - lanes : 0, stop = end < n ? end + lanes : end; i < stop; i += lanes) {
      int at = i < 0 ? 0 : i < end ? i : n - lanes;
      DoubleVector v = (DoubleVector) FloatVector.fromArray(FH, x, xOff + at).convertShape(VectorOperators.F2D, D, 0);
      DoubleVector d = FORM.dfdxWidened(v, p); // before loading dy, which would otherwise live across its calls
      DoubleVector g = (DoubleVector) FloatVector.fromArray(FH, dy, dyOff + at)
          .convertShape(VectorOperators.F2D, D, 0);
      FloatVector r = (FloatVector) g.mul(d).convertShape(VectorOperators.D2F, FH, 0);
      if (at == i) {
        r.intoArray(dx, dxOff + at);
      } else {
        r.intoArray(dx, dxOff + at, i < 0 ? headMask : tailMask);
      }
    }
  }

  /** Arrays shorter than one vector: masked loads and stores. */
  private static void forwardMasked(double[] x, int xOff, double[] y, int yOff, int n, double[] p) {
    for (int i = 0; i < n; i += D.length()) {
      VectorMask<Double> m = D.indexInRange(i, n);
      FORM.f(DoubleVector.fromArray(D, x, xOff + i, m), p).intoArray(y, yOff + i, m);
    }
  }

  private static void forwardMasked(float[] x, int xOff, float[] y, int yOff, int n, double[] p) {
    if (FORM.floatLanes()) {
      for (int i = 0; i < n; i += F.length()) {
        VectorMask<Float> m = F.indexInRange(i, n);
        FORM.f(FloatVector.fromArray(F, x, xOff + i, m), p).intoArray(y, yOff + i, m);
      }
      return;
    }
    for (int i = 0; i < n; i += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      DoubleVector v = (DoubleVector) FloatVector.fromArray(FH, x, xOff + i, m)
          .convertShape(VectorOperators.F2D, D, 0);
      ((FloatVector) FORM.fWidened(v, p).convertShape(VectorOperators.D2F, FH, 0)).intoArray(y, yOff + i, m);
    }
  }

  private static void backwardMasked(double[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff, int n,
                                     double[] p) {
    for (int i = 0; i < n; i += D.length()) {
      VectorMask<Double> m = D.indexInRange(i, n);
      DoubleVector d = FORM.dfdx(DoubleVector.fromArray(D, x, xOff + i, m), p);
      DoubleVector.fromArray(D, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
    }
  }

  private static void backwardMasked(float[] x, int xOff, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                                     double[] p) {
    if (FORM.floatSlopeLanes()) {
      for (int i = 0; i < n; i += F.length()) {
        VectorMask<Float> m = F.indexInRange(i, n);
        FloatVector d = FORM.dfdx(FloatVector.fromArray(F, x, xOff + i, m), p);
        FloatVector.fromArray(F, dy, dyOff + i, m).mul(d).intoArray(dx, dxOff + i, m);
      }
      return;
    }
    for (int i = 0; i < n; i += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(i, n);
      DoubleVector v = (DoubleVector) FloatVector.fromArray(FH, x, xOff + i, m)
          .convertShape(VectorOperators.F2D, D, 0);
      DoubleVector g = (DoubleVector) FloatVector.fromArray(FH, dy, dyOff + i, m)
          .convertShape(VectorOperators.F2D, D, 0);
      ((FloatVector) g.mul(FORM.dfdxWidened(v, p)).convertShape(VectorOperators.D2F, FH, 0))
          .intoArray(dx, dxOff + i, m);
    }
  }

  @Override
  public void forwardBias(double[] x, int xo, double[] b, int bo, double[] y, int yo, double[] z, int zo, int rows,
                          int cols, double[] pv) {
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      int c = 0;
      for (int bound = D.loopBound(cols); c < bound; c += D.length()) {
        DoubleVector v = DoubleVector.fromArray(D, x, xo + row + c).add(DoubleVector.fromArray(D, b, bo + c));
        if (z != null) {
          v.intoArray(z, zo + row + c);
        }
        FORM.f(v, pv).intoArray(y, yo + row + c);
      }
      if (c < cols) {
        VectorMask<Double> m = D.indexInRange(c, cols);
        DoubleVector v = DoubleVector.fromArray(D, x, xo + row + c, m).add(DoubleVector.fromArray(D, b, bo + c, m));
        if (z != null) {
          v.intoArray(z, zo + row + c, m);
        }
        FORM.f(v, pv).intoArray(y, yo + row + c, m);
      }
    }
  }

  @Override
  public void forwardBias(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int rows,
                          int cols, double[] pv) {
    for (int r = 0, row = 0; r < rows; r++, row += cols) {
      if (FORM.floatLanes()) {
        biasRow(x, xo + row, b, bo, y, yo + row, z, zo + row, cols, pv);
      } else {
        biasRowWidened(x, xo + row, b, bo, y, yo + row, z, zo + row, cols, pv);
      }
    }
  }

  private static void biasRow(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo, int cols,
                              double[] pv) {
    int c = 0;
    for (int bound = F.loopBound(cols); c < bound; c += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, xo + c).add(FloatVector.fromArray(F, b, bo + c));
      if (z != null) {
        v.intoArray(z, zo + c);
      }
      FORM.f(v, pv).intoArray(y, yo + c);
    }
    if (c < cols) {
      VectorMask<Float> m = F.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(F, x, xo + c, m).add(FloatVector.fromArray(F, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      FORM.f(v, pv).intoArray(y, yo + c, m);
    }
  }

  /** A float row through double lanes: the float sum widened exactly, the result rounded once. */
  private static void biasRowWidened(float[] x, int xo, float[] b, int bo, float[] y, int yo, float[] z, int zo,
                                     int cols, double[] pv) {
    for (int c = 0; c < cols; c += FH.length()) {
      VectorMask<Float> m = FH.indexInRange(c, cols);
      FloatVector v = FloatVector.fromArray(FH, x, xo + c, m).add(FloatVector.fromArray(FH, b, bo + c, m));
      if (z != null) {
        v.intoArray(z, zo + c, m);
      }
      DoubleVector w = (DoubleVector) v.convertShape(VectorOperators.F2D, D, 0);
      ((FloatVector) FORM.fWidened(w, pv).convertShape(VectorOperators.D2F, FH, 0)).intoArray(y, yo + c, m);
    }
  }

  // The widened loops build their two masks from bits. C2 stops inlining into a method once its compilation has
  // created 18,000 nodes (NodeCountInliningCutoff, dead nodes included), and a helper refused there stays a call
  // that boxes every vector. Each indexInRange costs about 2,700 of those nodes as it is parsed (-XX:+LogCompilation
  // counts), before the form's own; the double-lane forms on this path are the largest graphs (tanhexp's backward
  // boxed 3.4 MB per call of 65,541 floats before, 1.3 MB after). The three-part float and double loops keep
  // indexInRange: built from bits there, the form's parse started at ~960 nodes instead of ~3,700, yet tanh and elu
  // ran 15–25% slower (alternating runs, 1M floats), for a reason not found.

  /** The bits of lanes [0, k), 0 ≤ k ≤ 64. */
  private static long lowBits(int k) {
    return k >= 64 ? -1L : (1L << k) - 1;
  }
}
