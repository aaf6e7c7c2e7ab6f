package org.actlab.nn.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API body of {@link Gemm} (loaded only when {@code jdk.incubator.vector} is present): the
 * GotoBLAS/BLIS scheme. op(B) is packed per k block into panels of {@link #NR} columns (k-major, zero-padded),
 * op(A) per row block into panels of {@link #MR} rows, so the four transpose combinations differ only in the
 * packing loops; an 8-row × 2-vector micro-kernel then keeps 16 accumulators in registers and does 16 FMAs per
 * two vector loads and eight broadcasts. Each tile's raw sums go to a scratch tile and are stored into C with
 * {@link Gemm#store}'s arithmetic (vectorised for full tiles), so every element follows the summation order documented on {@link Gemm}.
 *
 * <p>Scratch buffers are per thread and grow once; nothing is allocated per call after warm-up.
 */
final class GemmVector {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Rows of the micro-kernel. */
  static final int MR = 8;
  /** Columns of the micro-kernel: two vectors (32 floats with AVX-512). */
  static final int NR = 2 * L;
  /** Rows of op(A) packed at once: MC×KC_MAX floats = 128 KiB, within L2. */
  private static final int MC = 128;
  /** Columns of op(B) packed at once: KC_MAX×NC floats = 1 MiB at most. */
  private static final int NC = 1024;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private GemmVector() {}

  static int lanes() {
    return L;
  }

  /** Per-thread packing buffers. */
  private static final class Scratch {
    float[] ap = new float[MC * Gemm.KC_MAX];
    float[] bp = new float[0];
    final float[] tile = new float[MR * NR];

    float[] bp(int size) {
      if (bp.length < size) {
        bp = new float[size];
      }
      return bp;
    }
  }

  static void mm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                 float beta, float[] c, int cOff, int ldc) {
    if (k == 0) {
      Gemm.mmScalar(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    Scratch s = SCRATCH.get();
    int kb = Gemm.kBlocks(k);
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      for (int q = 0; q < kb; q++) {
        int p0 = Gemm.kStart(k, q);
        int kc = Gemm.kStart(k, q + 1) - p0;
        float[] bp = s.bp(kc * roundUp(nc));
        packB(transB, b, bOff, ldb, p0, kc, jc, nc, bp);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          packA(transA, a, aOff, lda, ic, mc, p0, kc, s.ap);
          block(s, mc, nc, kc, bp, alpha, beta, q == 0, c, cOff + ic * ldc + jc, ldc);
        }
      }
    }
  }

  private static int roundUp(int nc) {
    return (nc + NR - 1) / NR * NR;
  }

  /** Multiplies one packed mc×kc A block by one packed kc×nc B block into C. */
  private static void block(Scratch s, int mc, int nc, int kc, float[] bp, float alpha, float beta,
                            boolean first, float[] c, int c0, int ldc) {
    float[] ap = s.ap;
    for (int jr = 0; jr < nc; jr += NR) {
      int w = Math.min(NR, nc - jr);
      for (int ir = 0; ir < mc; ir += MR) {
        int h = Math.min(MR, mc - ir);
        int ci = c0 + ir * ldc + jr;
        kernel(ap, ir * kc, bp, jr * kc, kc, s.tile);
        if (w == NR && h == MR) {
          put(s.tile, alpha, beta, first, c, ci, ldc);
        } else {
          for (int r = 0; r < h; r++) {
            for (int j = 0; j < w; j++) {
              int cij = ci + r * ldc + j;
              c[cij] = Gemm.store(first, alpha, beta, s.tile[r * NR + j], c[cij]);
            }
          }
        }
      }
    }
  }

  /** Packs op(B)[p0:p0+kc, jc:jc+nc] into NR-column panels, k-major, zero-padded to a multiple of NR. */
  private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int jc, int nc,
                            float[] bp) {
    for (int jr = 0; jr < nc; jr += NR) {
      int w = Math.min(NR, nc - jr);
      int base = jr * kc;
      if (!transB) {
        for (int p = 0; p < kc; p++) {
          int dst = base + p * NR;
          System.arraycopy(b, bOff + (p0 + p) * ldb + jc + jr, bp, dst, w);
          java.util.Arrays.fill(bp, dst + w, dst + NR, 0f);
        }
      } else {
        for (int j = 0; j < w; j++) {
          int src = bOff + (jc + jr + j) * ldb + p0;
          for (int p = 0; p < kc; p++) {
            bp[base + p * NR + j] = b[src + p];
          }
        }
        for (int p = 0; p < kc && w < NR; p++) {
          java.util.Arrays.fill(bp, base + p * NR + w, base + (p + 1) * NR, 0f);
        }
      }
    }
  }

  /** Packs op(A)[ic:ic+mc, p0:p0+kc] into MR-row panels, k-major, zero-padded to a multiple of MR. */
  private static void packA(boolean transA, float[] a, int aOff, int lda, int ic, int mc, int p0, int kc,
                            float[] ap) {
    for (int ir = 0; ir < mc; ir += MR) {
      int h = Math.min(MR, mc - ir);
      int base = ir * kc;
      if (transA) {
        for (int p = 0; p < kc; p++) {
          int src = aOff + (p0 + p) * lda + ic + ir;
          int dst = base + p * MR;
          System.arraycopy(a, src, ap, dst, h);
          java.util.Arrays.fill(ap, dst + h, dst + MR, 0f);
        }
      } else {
        for (int r = 0; r < h; r++) {
          int src = aOff + (ic + ir + r) * lda + p0;
          for (int p = 0; p < kc; p++) {
            ap[base + p * MR + r] = a[src + p];
          }
        }
        for (int p = 0; p < kc && h < MR; p++) {
          java.util.Arrays.fill(ap, base + p * MR + h, base + (p + 1) * MR, 0f);
        }
      }
    }
  }

  /**
   * The 8×(2 vectors) micro-kernel: tile ← Σ_p A[r,p]·B[p,:] with 16 register accumulators. Written out by hand
   * (no arrays of vectors) so C2 keeps every accumulator in a register; it stores raw sums to the tile and leaves
   * alpha/beta to {@link #put}, because a vector passed to a method C2 does not inline (NodeCountInliningCutoff)
   * is boxed in every loop iteration: that cost 5× in throughput.
   */
  private static void kernel(float[] ap, int ai, float[] bp, int bi, int kc, float[] t) {
    FloatVector z = FloatVector.zero(S);
    FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
    FloatVector c40 = z, c41 = z, c50 = z, c51 = z, c60 = z, c61 = z, c70 = z, c71 = z;
    for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
      FloatVector b0 = FloatVector.fromArray(S, bp, bi);
      FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
      FloatVector x = FloatVector.broadcast(S, ap[ai]);
      c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, ap[ai + 1]);
      c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, ap[ai + 2]);
      c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, ap[ai + 3]);
      c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
      x = FloatVector.broadcast(S, ap[ai + 4]);
      c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
      x = FloatVector.broadcast(S, ap[ai + 5]);
      c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
      x = FloatVector.broadcast(S, ap[ai + 6]);
      c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
      x = FloatVector.broadcast(S, ap[ai + 7]);
      c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
    }
    c00.intoArray(t, 0); c01.intoArray(t, L); c10.intoArray(t, NR); c11.intoArray(t, NR + L);
    c20.intoArray(t, 2 * NR); c21.intoArray(t, 2 * NR + L); c30.intoArray(t, 3 * NR); c31.intoArray(t, 3 * NR + L);
    c40.intoArray(t, 4 * NR); c41.intoArray(t, 4 * NR + L); c50.intoArray(t, 5 * NR); c51.intoArray(t, 5 * NR + L);
    c60.intoArray(t, 6 * NR); c61.intoArray(t, 6 * NR + L); c70.intoArray(t, 7 * NR); c71.intoArray(t, 7 * NR + L);
  }

  /** Stores a full tile into C with {@link Gemm#store}'s arithmetic, lane by lane. */
  private static void put(float[] t, float alpha, float beta, boolean first, float[] c, int ci, int ldc) {
    for (int r = 0; r < MR; r++, ci += ldc) {
      for (int j = 0; j < NR; j += L) {
        FloatVector v = FloatVector.fromArray(S, t, r * NR + j).mul(alpha);
        if (!first) {
          v = v.add(FloatVector.fromArray(S, c, ci + j));
        } else if (beta != 0) {
          v = v.add(FloatVector.fromArray(S, c, ci + j).mul(beta));
        }
        v.intoArray(c, ci + j);
      }
    }
  }
}
