package org.actlab.nn.layer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.actlab.nn.Buffered;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Scoped;
import org.actlab.nn.Tensor;

/**
 * A skip connection {@code y = x + inner(x)} (He, Zhang, Ren &amp; Sun, "Deep Residual Learning", CVPR 2016): the
 * identity path carries the gradient unchanged through depth, {@code dx = dy + inner.backward(dy)}. The inner
 * layer must keep the sample shape; a mismatch is reported at {@link #outputShape} or forward.
 */
public final class Residual implements Layer, Scoped, Buffered {

  private final Layer inner;

  public Residual(Layer inner) {
    this.inner = Objects.requireNonNull(inner, "inner layer");
    if (inner instanceof Scoped s) {
      s.scope("residual." + s.kind());
    }
  }

  @Override
  public Tensor forward(Tensor x, Mode mode) {
    Tensor f = inner.forward(x, mode);
    if (!f.sameShape(x)) {
      throw mismatch(x.shape(), f.shape());
    }
    Tensor y = new Tensor(x.shape());
    for (int i = 0; i < y.size(); i++) {
      y.data()[i] = x.data()[i] + f.data()[i];
    }
    return y;
  }

  @Override
  public Tensor backward(Tensor dy) {
    Tensor g = inner.backward(dy);
    if (!g.sameShape(dy)) {
      throw mismatch(dy.shape(), g.shape());
    }
    Tensor dx = new Tensor(dy.shape());
    for (int i = 0; i < dx.size(); i++) {
      dx.data()[i] = dy.data()[i] + g.data()[i];
    }
    return dx;
  }

  private IllegalArgumentException mismatch(int[] in, int[] out) {
    return new IllegalArgumentException("residual: the inner layer " + inner.describe() + " maps "
        + Params.shape(in) + " to " + Params.shape(out) + "; y = x + inner(x) needs the same shape");
  }

  @Override
  public List<Parameter> parameters() {
    return inner.parameters();
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    int[] out = inner.outputShape(inputShape);
    if (!Arrays.equals(out, inputShape)) {
      throw new IllegalArgumentException("residual: the inner layer " + inner.describe() + " maps samples "
          + Params.shape(inputShape) + " to " + Params.shape(out) + "; y = x + inner(x) needs the same shape");
    }
    return out;
  }

  @Override
  public String describe() {
    return "residual(" + inner.describe() + ")";
  }

  @Override
  public void initialize(SplittableRandom rng) {
    inner.initialize(rng);
  }

  @Override
  public String kind() {
    return "residual";
  }

  /** The inner layer's names become {@code scope.kind.local}, e.g. {@code "2.residual.dense.weight"}. */
  @Override
  public void scope(String scope) {
    if (inner instanceof Scoped s) {
      s.scope(Params.qualified(scope, s.kind()));
    }
  }

  @Override
  public Map<String, Tensor> buffers() {
    return inner instanceof Buffered b ? b.buffers() : Map.of();
  }

  @Override
  public void loadBuffers(Map<String, Tensor> saved) {
    if (inner instanceof Buffered b) {
      b.loadBuffers(saved);
    }
  }
}
