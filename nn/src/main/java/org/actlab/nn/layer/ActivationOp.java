package org.actlab.nn.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.activation.fn.Rrelu;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.RowKernel;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;

/**
 * One catalog function applied to float32 segments, shared by {@link ActivationLayer} and {@link Dense}. It owns
 * the function's learnable parameters as {@link Parameter}s (one value, or one per channel) and builds the
 * {@link ParamBlock} the kernels read; the fixed parameters stay as given.
 *
 * <p>A call covers {@code segments} segments of {@code n} elements: a dense layer's rows, or a whole tensor as one
 * segment. Elementwise functions go through {@link KernelProvider#kernel}; row functions through a
 * {@link RowKernel}, one row per segment. RReLU is the one function whose training mode is not its formula: in
 * TRAIN it draws a fresh slope per element ({@link Rrelu#trainingBlock}) from this op's generator.
 */
final class ActivationOp {

  private final Entry entry;
  private final double[] fixed;
  private final int[] learnIdx;
  private final int channels;
  private final Kernel kernel;
  private final RowKernel rows;
  private List<Parameter> params = new ArrayList<>();
  private SplittableRandom noise;

  /**
   * @param entry    the catalog function
   * @param p        its parameters in spec order (validated here); learnable ones are initial values
   * @param channels 0 for one shared parameter vector, else the channel count (axis 1) for per-channel values
   * @param noise    generator for rrelu's training slopes, or null (then set by {@link #reseed})
   */
  ActivationOp(Entry entry, double[] p, int channels, SplittableRandom noise, String scope) {
    this.entry = Objects.requireNonNull(entry, "activation entry");
    List<Param> spec = entry.spec().params();
    if (p.length != spec.size()) {
      throw new IllegalArgumentException(entry.spec().id() + " takes " + spec.size() + " parameter(s) ("
          + entry.spec().paramNames() + "), got " + p.length);
    }
    for (int k = 0; k < p.length; k++) {
      spec.get(k).require(entry.spec().id(), p[k]);
    }
    entry.validate(p);
    this.fixed = p.clone();
    this.learnIdx = java.util.stream.IntStream.range(0, p.length).filter(k -> spec.get(k).learnable()).toArray();
    if (entry instanceof RowActivation r) {
      if (learnIdx.length > 0 || channels > 0) {
        throw new IllegalArgumentException(entry.spec().id() + " is a row function: its parameters are fixed "
            + "and cannot be per channel");
      }
      this.rows = new RowKernel(r);
      this.kernel = null;
    } else {
      this.kernel = KernelProvider.kernel((Activation) entry);
      this.rows = null;
    }
    this.channels = channels;
    this.noise = noise;
    scope(scope);
  }

  /** The function's catalog id. */
  String id() {
    return entry.spec().id();
  }

  boolean isRow() {
    return rows != null;
  }

  /** Output length of a segment (row functions: the row's output length, e.g. half for GLUs). */
  int outputLength(int n) {
    return rows != null ? rows.activation().outputLength(n) : n;
  }

  List<Parameter> parameters() {
    return params;
  }

  /** Re-creates the learnable parameters under {@code scope}, keeping current values (or initial ones if new). */
  void scope(String scope) {
    List<Parameter> next = new ArrayList<>();
    for (int j = 0; j < learnIdx.length; j++) {
      String name = Params.qualified(scope, entry.spec().params().get(learnIdx[j]).name());
      if (params.size() == learnIdx.length) {
        next.add(Params.renamed(params.get(j), name));
      } else {
        Parameter q = new Parameter(name, Math.max(1, channels));
        q.value().fill((float) fixed[learnIdx[j]]);
        next.add(q);
      }
    }
    params = next;
  }

  /** Learnable parameters back to their initial values; rrelu's generator to {@code rng.split()}. */
  void reset(SplittableRandom rng) {
    for (int j = 0; j < learnIdx.length; j++) {
      params.get(j).value().fill((float) fixed[learnIdx[j]]);
    }
    noise = rng.split();
  }

  /** The current parameter vector of channel {@code c}, learnable values checked against their ranges. */
  private double[] current(int c) {
    double[] p = fixed.clone();
    for (int j = 0; j < learnIdx.length; j++) {
      p[learnIdx[j]] = params.get(j).value().data()[c];
      entry.spec().params().get(learnIdx[j]).require(entry.spec().id(), p[learnIdx[j]]);
    }
    if (learnIdx.length > 0) {
      entry.validate(p);
    }
    return p;
  }

  /**
   * The blocks for a call of {@code segments} segments of {@code n}: one block reused by every segment, or in
   * rrelu's training mode one freshly drawn block per segment. {@code inner} is H·W for per-channel values.
   */
  ParamBlock[] blocks(int segments, int n, int inner, Mode mode) {
    if (entry instanceof Rrelu && mode == Mode.TRAIN) {
      if (noise == null) {
        throw new IllegalStateException("rrelu in TRAIN mode draws random slopes: pass a SplittableRandom at "
            + "construction or call initialize(rng) first");
      }
      ParamBlock[] b = new ParamBlock[segments];
      for (int s = 0; s < segments; s++) {
        b[s] = Rrelu.trainingBlock(n, fixed[0], fixed[1], noise);
      }
      return b;
    }
    if (channels == 0) {
      return new ParamBlock[] {ParamBlock.shared(current(0))};
    }
    int width = fixed.length;
    double[] v = new double[channels * width];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(current(c), 0, v, c * width, width);
    }
    return new ParamBlock[] {ParamBlock.perChannel(v, width, channels, inner)};
  }

  /** Forward of segment {@code seg} ({@code n} inputs from {@code off}, outputs from {@code yOff}). */
  void forward(ParamBlock[] b, int seg, float[] z, int off, float[] y, int yOff, int n) {
    if (rows != null) {
      rows.forward(z, off, 1, n, y, yOff, fixed);
    } else {
      kernel.forward(z, off, y, yOff, n, b[b.length == 1 ? 0 : seg]);
    }
  }

  /** A parameter-gradient buffer for {@link #backward}, or null when nothing is learnable. */
  double[] gradBuffer() {
    return learnIdx.length == 0 ? null : new double[Math.max(1, channels) * fixed.length];
  }

  /** Backward of segment {@code seg}, accumulating parameter gradients into {@code gp}. */
  void backward(ParamBlock[] b, int seg, float[] z, int off, float[] dy, int dyOff, float[] dx, int dxOff, int n,
                double[] gp) {
    if (rows != null) {
      rows.backward(z, off, 1, n, dy, dyOff, dx, dxOff, fixed);
    } else {
      kernel.backward(z, off, dy, dyOff, dx, dxOff, n, b[b.length == 1 ? 0 : seg], gp);
    }
  }

  /** Adds a buffer filled by {@link #backward} into the parameters' gradients. */
  void addGradients(double[] gp) {
    if (gp == null) {
      return;
    }
    for (int j = 0; j < learnIdx.length; j++) {
      float[] g = params.get(j).grad().data();
      for (int c = 0; c < g.length; c++) {
        g[c] += (float) gp[c * fixed.length + learnIdx[j]];
      }
    }
  }

  /** {@code prelu(weight=0.25)}, or the id alone without parameters. */
  String describe() {
    List<Param> ps = entry.spec().params();
    if (ps.isEmpty()) {
      return entry.spec().id();
    }
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < ps.size(); k++) {
      parts.add(ps.get(k).name() + "=" + fixed[k]);
    }
    return entry.spec().id() + "(" + String.join(", ", parts) + (channels > 0 ? ", per channel" : "") + ")";
  }
}
