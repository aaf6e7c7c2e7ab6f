package org.actlab.nn.math;

import java.util.logging.Logger;

import org.actlab.core.kernel.KernelProvider;

/**
 * General matrix multiply on row-major float arrays: {@code C = alpha·op(A)·op(B) + beta·C}, where op(X) is X or
 * Xᵀ. op(A) is m×k, op(B) is k×n, C is m×n; {@code lda/ldb/ldc} are row strides of the stored matrices. With
 * {@code beta = 0}, C's previous contents are ignored (NaN in C does not leak). C must not overlap A or B.
 *
 * <p>Summation order, fixed for every C element and independent of the code path (Vector API or scalar) and of
 * the thread count: k is cut into {@link #kBlocks} equal blocks of at most {@value #KC_MAX}; within a block the
 * products are accumulated in ascending p with a fused multiply-add starting from 0; the first block's sum s is
 * written as {@code alpha·s + beta·c} ({@code alpha·s} when beta = 0), each later block's as {@code alpha·s + c}.
 * Hence the SIMD and scalar paths give bit-identical results, and so does any {@link #setThreads thread count}.
 *
 * <p>The SIMD path ({@link GemmVector}: packed panels, 8×2-vector register-blocked FMA micro-kernel) is used when
 * the {@code jdk.incubator.vector} module is loaded and {@code -Dactlab.simd} is not {@code off}; otherwise the
 * scalar loops below, which follow the same order (also used for products under {@value #SCALAR_BELOW}
 * multiply-adds, where packing costs more than it saves).
 */
public final class Gemm {

  /** Below this many multiply-adds the scalar loops win (packing costs more than it saves; measured 8³). */
  static final long SCALAR_BELOW = 512;

  /** Largest k block: a packed B panel of KC_MAX×(2 vectors) floats stays near L1, the A block in L2. */
  static final int KC_MAX = 256;

  private static final Logger LOG = Logger.getLogger(Gemm.class.getName());
  private static final boolean VECTOR = vectorUsable();
  private static final ThreadLocal<float[]> ROW = ThreadLocal.withInitial(() -> new float[256]);
  private static volatile int threads = 1;

  private Gemm() {}

  public static void mm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc) {
    check(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    if (VECTOR && (long) m * n * k >= SCALAR_BELOW) {
      GemmParallel.run(threads, transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else {
      mmScalar(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
  }

  /**
   * Sets how many threads large products use (default 1). Work is split over blocks of C only, never over k, so
   * results are bit-identical for every value.
   */
  public static void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Gemm threads must be at least 1 (got " + n + ")");
    }
    threads = n;
  }

  /** The thread count set by {@link #setThreads}. */
  public static int threads() {
    return threads;
  }

  /** True when the Vector API path is in use (false: scalar loops). */
  public static boolean simd() {
    return VECTOR;
  }

  /** Number of k blocks: the fewest of size ≤ KC_MAX; equal sizes so no block is a sliver. */
  static int kBlocks(int k) {
    return Math.max(1, (k + KC_MAX - 1) / KC_MAX);
  }

  /** Start of k block {@code q} of {@code kBlocks(k)}: block sizes differ by at most one. */
  static int kStart(int k, int q) {
    return (int) ((long) k * q / kBlocks(k));
  }

  /** The scalar path, same summation order as the vector path (package-private so tests can compare them). */
  static void mmScalar(boolean transA, boolean transB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc) {
    float[] acc = row(n);
    int kb = kBlocks(k);
    for (int i = 0; i < m; i++) {
      for (int q = 0; q < kb; q++) {
        int p0 = kStart(k, q);
        int p1 = kStart(k, q + 1);
        java.util.Arrays.fill(acc, 0, n, 0f);
        if (transB) {
          dotRow(transA, i, n, p0, p1, a, aOff, lda, b, bOff, ldb, acc);
        } else {
          axpyRow(transA, i, n, p0, p1, a, aOff, lda, b, bOff, ldb, acc);
        }
        int ci = cOff + i * ldc;
        for (int j = 0; j < n; j++) {
          c[ci + j] = store(q == 0, alpha, beta, acc[j], c[ci + j]);
        }
      }
    }
  }

  /** Writes one block's sum: the single definition both paths follow. */
  static float store(boolean first, float alpha, float beta, float s, float old) {
    if (!first) {
      return alpha * s + old;
    }
    return beta == 0 ? alpha * s : alpha * s + beta * old;
  }

  /** acc[j] += op(A)[i,p]·B[p,j] for p in [p0,p1): contiguous in j when B is not transposed. */
  private static void axpyRow(boolean transA, int i, int n, int p0, int p1, float[] a, int aOff, int lda,
                              float[] b, int bOff, int ldb, float[] acc) {
    for (int p = p0; p < p1; p++) {
      float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
      int bi = bOff + p * ldb;
      for (int j = 0; j < n; j++) {
        acc[j] = Math.fma(av, b[bi + j], acc[j]);
      }
    }
  }

  /**
   * acc[j] = Σ_p op(A)[i,p]·Bᵀ[p,j] as dot products, contiguous in p when B is transposed; four columns at a time
   * so four FMA chains overlap their latency (each column's order is unchanged).
   */
  private static void dotRow(boolean transA, int i, int n, int p0, int p1, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, float[] acc) {
    int j = 0;
    for (; j + 4 <= n; j += 4) {
      int b0 = bOff + j * ldb;
      float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
      for (int p = p0; p < p1; p++) {
        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        s0 = Math.fma(av, b[b0 + p], s0);
        s1 = Math.fma(av, b[b0 + ldb + p], s1);
        s2 = Math.fma(av, b[b0 + 2 * ldb + p], s2);
        s3 = Math.fma(av, b[b0 + 3 * ldb + p], s3);
      }
      acc[j] = s0;
      acc[j + 1] = s1;
      acc[j + 2] = s2;
      acc[j + 3] = s3;
    }
    for (; j < n; j++) {
      int bj = bOff + j * ldb;
      float s = 0f;
      for (int p = p0; p < p1; p++) {
        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        s = Math.fma(av, b[bj + p], s);
      }
      acc[j] = s;
    }
  }

  private static float[] row(int n) {
    float[] r = ROW.get();
    if (r.length < n) {
      r = new float[Math.max(n, 2 * r.length)];
      ROW.set(r);
    }
    return r;
  }

  private static void check(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                            float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("Gemm sizes must be non-negative (m=" + m + ", n=" + n + ", k=" + k + ")");
    }
    if (m == 0 || n == 0) {
      return;
    }
    checkMatrix("C", c, cOff, ldc, m, n);
    if (k > 0) {
      checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
      checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    }
  }

  private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
    if (rows > 1 && ld < cols) {
      throw new IllegalArgumentException("Gemm: ld" + name.toLowerCase(java.util.Locale.ROOT) + "=" + ld
          + " is smaller than the " + cols + " columns of stored " + name);
    }
    long last = (long) off + (long) (rows - 1) * ld + cols - 1;
    if (off < 0 || last >= x.length) {
      throw new IndexOutOfBoundsException("Gemm: stored " + name + " (" + rows + "×" + cols + ", offset " + off
          + ", stride " + ld + ") does not fit its array of length " + x.length);
    }
  }

  private static boolean vectorUsable() {
    if (KernelProvider.mode() == KernelProvider.Mode.OFF) {
      return false;
    }
    if (!KernelProvider.vectorModulePresent()) {
      LOG.fine("Gemm uses scalar loops: the jdk.incubator.vector module is not loaded");
      return false;
    }
    try {
      return GemmVector.lanes() >= 4;
    } catch (LinkageError e) {
      LOG.warning("Gemm uses scalar loops: " + e);
      return false;
    }
  }
}
