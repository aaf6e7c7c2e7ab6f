package org.actlab.nn.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;
import org.actlab.nn.init.Initializers;
import org.actlab.nn.layer.ActivationLayer;
import org.actlab.nn.layer.BatchNorm;
import org.actlab.nn.layer.Dense;

/**
 * Signal and gradient propagation through a deep, randomly initialised stack of {@code dense(width) [→ batch
 * norm] → activation} blocks: a batch of N(0, I) inputs goes forward, a N(0, I) upstream gradient of the last
 * activations goes back, and every layer reports what a signal looks like there.
 *
 * <p>This is where initialisation theory becomes visible: relu keeps its variance under He init and halves it per
 * layer under Xavier; selu under LeCun init sits at its fixed point (mean 0, variance 1); sigmoid's activations
 * saturate and its gradients vanish with depth; batch norm re-centres every layer.
 */
public final class DepthAnalysis {

  /** |f'| below this counts as saturated (the notes' vanishing threshold). */
  public static final double SATURATED = 0.01;

  /**
   * @param activation catalog name of an elementwise function
   * @param params     its parameters (defaults for the rest)
   * @param init       initializer name ({@code Initializers})
   * @param depth      number of blocks
   * @param width      units per block (also the input width)
   * @param batch      samples propagated
   * @param batchNorm  put batch norm between each dense layer and its activation
   * @param seed       seeds the weights, the input and the upstream gradient
   */
  public record Config(String activation, Map<String, Double> params, String init, int depth, int width, int batch,
                       boolean batchNorm, long seed) {}

  /**
   * One block's measurements.
   *
   * @param layer             block index, 1-based from the input
   * @param preMean           mean of the pre-activations h (after batch norm when present)
   * @param preStd            standard deviation of h
   * @param mean              mean of the activations f(h)
   * @param std               standard deviation of f(h)
   * @param deadFraction      share of units whose f'(h) is 0 for every sample: no gradient can reach them
   * @param saturatedFraction share of (sample, unit) pairs with |f'(h)| &lt; 0.01
   * @param gradNorm          Frobenius norm of dL/dW for this block's weights, L = mean over the batch of the
   *                          upstream's inner product with the last activations
   */
  public record LayerStats(int layer, double preMean, double preStd, double mean, double std, double deadFraction,
                           double saturatedFraction, double gradNorm) {}

  private DepthAnalysis() {}

  /**
   * Runs the analysis.
   *
   * @throws IllegalArgumentException for an unknown or row function, a bad parameter or initializer, or a
   *                                  non-positive size
   */
  public static List<LayerStats> run(Config c) {
    if (c.depth() < 1 || c.width() < 1 || c.batch() < 2) {
      throw new IllegalArgumentException("depth and width must be >= 1 and batch >= 2 (got depth=" + c.depth()
          + ", width=" + c.width() + ", batch=" + c.batch() + ")");
    }
    Entry e = Catalog.get(c.activation());
    if (!(e instanceof Activation fn)) {
      throw new IllegalArgumentException(e.spec().id() + " is a row function; depth analysis needs an "
          + "elementwise activation");
    }
    double[] p = Catalog.params(e, c.params());
    Initializer init = Initializers.create(c.init(), c.activation(), c.params());
    SplittableRandom rng = new SplittableRandom(c.seed());
    List<Layer[]> blocks = new ArrayList<>();
    for (int l = 0; l < c.depth(); l++) {
      Dense dense = new Dense(c.width(), c.width(), (Entry) null, new double[0], init);
      dense.initialize(rng.split());
      Layer bn = c.batchNorm() ? new BatchNorm(c.width()) : null;
      blocks.add(new Layer[] {dense, bn, ActivationLayer.of(e, p, rng.split())});
    }
    Tensor a = gaussian(rng, c.batch(), c.width());
    List<Tensor> pre = new ArrayList<>();
    List<Tensor> post = new ArrayList<>();
    for (Layer[] b : blocks) {
      Tensor h = b[0].forward(a, Mode.TRAIN);
      h = b[1] == null ? h : b[1].forward(h, Mode.TRAIN);
      a = b[2].forward(h, Mode.TRAIN);
      pre.add(h);
      post.add(a);
    }
    Tensor g = gaussian(rng, c.batch(), c.width());
    scale(g, 1.0 / c.batch());
    double[] gradNorms = new double[c.depth()];
    for (int l = c.depth() - 1; l >= 0; l--) {
      Layer[] b = blocks.get(l);
      g = b[2].backward(g);
      g = b[1] == null ? g : b[1].backward(g);
      g = b[0].backward(g);
      gradNorms[l] = norm(b[0].parameters().get(0).grad());
    }
    List<LayerStats> out = new ArrayList<>();
    for (int l = 0; l < c.depth(); l++) {
      out.add(stats(l + 1, fn, p, pre.get(l), post.get(l), c.width(), gradNorms[l]));
    }
    return out;
  }

  private static LayerStats stats(int layer, Activation fn, double[] p, Tensor h, Tensor a, int width,
                                  double gradNorm) {
    float[] hv = h.data();
    boolean[] alive = new boolean[width];
    long saturated = 0;
    for (int i = 0; i < hv.length; i++) {
      double d = Math.abs(fn.dfdx(hv[i], fn.f(hv[i], p), p));
      alive[i % width] |= d != 0;
      saturated += d < SATURATED ? 1 : 0;
    }
    int dead = 0;
    for (boolean ok : alive) {
      dead += ok ? 0 : 1;
    }
    double[] hs = meanStd(hv);
    double[] as = meanStd(a.data());
    return new LayerStats(layer, hs[0], hs[1], as[0], as[1], (double) dead / width, (double) saturated / hv.length,
        gradNorm);
  }

  private static double[] meanStd(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    double mean = s / v.length;
    double q = 0;
    for (float x : v) {
      q += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(q / v.length)};
  }

  private static Tensor gaussian(SplittableRandom rng, int rows, int cols) {
    Tensor t = new Tensor(rows, cols);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rng.nextGaussian();
    }
    return t;
  }

  private static void scale(Tensor t, double s) {
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (d[i] * s);
    }
  }

  private static double norm(Tensor t) {
    double s = 0;
    for (float x : t.data()) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }
}
