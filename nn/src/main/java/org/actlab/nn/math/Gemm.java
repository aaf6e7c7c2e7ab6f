package org.actlab.nn.math;

/**
 * General matrix multiply on row-major float arrays: {@code C = alpha·op(A)·op(B) + beta·C}, where op(X) is X or
 * Xᵀ. op(A) is m×k, op(B) is k×n, C is m×n; {@code lda/ldb/ldc} are row strides of the stored matrices. With
 * {@code beta = 0}, C's previous contents are ignored (NaN in C does not leak). Accumulates in float in a fixed
 * order, so results are deterministic.
 *
 * <p>This is the simple correct version; the performance work replaces the body, never the contract.
 */
public final class Gemm {

  private Gemm() {}

  public static void mm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                        float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
          float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
          s += av * bv;
        }
        int ci = cOff + i * ldc + j;
        c[ci] = beta == 0 ? alpha * s : alpha * s + beta * c[ci];
      }
    }
  }
}
