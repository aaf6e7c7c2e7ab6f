package org.actlab.nn.layer;

/**
 * The intermediates of one {@link SelfAttention} forward, kept for its backward. Row-major blocks over the
 * {@code B·T} rows: projections before ({@code pq, pk, pv}) and after ({@code q, k, v}) their activations, the
 * scaled scores {@code s} and their softmax {@code a} ({@code [B, T, T]}), the context {@code c = A V} and the
 * output pre-activation {@code po}. {@code x} is a copy of the input, so later changes to it cannot leak in.
 */
final class AttentionCache {

  final int batch;
  final int steps;
  final float[] x;
  final float[] pq;
  final float[] pk;
  final float[] pv;
  final float[] q;
  final float[] k;
  final float[] v;
  final float[] s;
  final float[] a;
  final float[] c;
  final float[] po;

  AttentionCache(int batch, int steps, int dModel, int dK, float[] input) {
    this.batch = batch;
    this.steps = steps;
    int rows = batch * steps;
    this.x = input.clone();
    this.pq = new float[rows * dK];
    this.pk = new float[rows * dK];
    this.pv = new float[rows * dK];
    this.q = new float[rows * dK];
    this.k = new float[rows * dK];
    this.v = new float[rows * dK];
    this.s = new float[rows * steps];
    this.a = new float[rows * steps];
    this.c = new float[rows * dK];
    this.po = new float[rows * dModel];
  }
}
