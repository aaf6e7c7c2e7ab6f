package org.actlab.nn.init;

import java.util.SplittableRandom;
import org.actlab.nn.Initializer;
import org.actlab.nn.Tensor;

/**
 * A (semi-)orthogonal matrix times {@code gain} (Saxe, McClelland &amp; Ganguli, "Exact solutions to the
 * nonlinear dynamics of learning in deep linear neural networks", ICLR 2014), as PyTorch's {@code orthogonal_}:
 * the tensor is viewed as rows = dim 0 by cols = (size / rows); a Gaussian matrix of that shape is drawn (row-major),
 * transposed if it is wide, factored A = QR, and Q's columns are multiplied by sign(diag R) so that the result is
 * uniformly distributed (Haar) rather than biased by the factorisation's sign convention. Then WᵀW = I if
 * rows ≥ cols, else WWᵀ = I.
 *
 * <p>The QR is modified Gram–Schmidt applied twice ("twice is enough": Giraud, Langou, Rozložník, 2005) in
 * double. MGS produces the R with a positive diagonal directly, which is the unique thin QR that PyTorch's sign
 * correction also arrives at. Orthogonal weights preserve norms exactly in linear networks, so signals and
 * gradients neither grow nor vanish with depth at initialisation; used for recurrent weights especially.
 */
public record Orthogonal(double gain) implements Initializer {

  public Orthogonal {
    Fill.positive("orthogonal", "gain", gain);
  }

  @Override
  public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
    if (w.rank() < 2) {
      throw new IllegalArgumentException("orthogonal: needs a tensor of rank >= 2 (got " + w + ")");
    }
    int rows = w.dim(0);
    if (w.size() == 0) {
      return;
    }
    int cols = w.size() / rows;
    boolean wide = rows < cols;
    int m = wide ? cols : rows;
    int n = wide ? rows : cols;
    double[][] q = new double[n][m]; // column j of the tall m×n matrix is q[j]
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double z = rng.nextGaussian();
        if (wide) {
          q[r][c] = z; // Aᵀ: element (c, r) of the tall matrix
        } else {
          q[c][r] = z;
        }
      }
    }
    orthonormalise(q);
    float[] d = w.data();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        d[r * cols + c] = (float) (gain * (wide ? q[r][c] : q[c][r]));
      }
    }
  }

  /** Modified Gram–Schmidt, two passes, on the columns {@code q[j]} in place. */
  static void orthonormalise(double[][] q) {
    for (int j = 0; j < q.length; j++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < j; i++) {
          double dot = dot(q[i], q[j]);
          for (int k = 0; k < q[j].length; k++) {
            q[j][k] -= dot * q[i][k];
          }
        }
      }
      double norm = Math.sqrt(dot(q[j], q[j]));
      if (!(norm > 0)) {
        throw new IllegalStateException("orthogonal: the Gaussian sample is rank-deficient (column " + j + ")");
      }
      for (int k = 0; k < q[j].length; k++) {
        q[j][k] /= norm;
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  @Override
  public String describe() {
    return "orthogonal(gain=" + Fill.fmt(gain) + ")";
  }
}
