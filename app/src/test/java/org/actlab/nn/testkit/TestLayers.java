package org.actlab.nn.testkit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.train.LayerBuffers;
import org.actlab.nn.train.Reseedable;

/** TEST STAND-INS for parameter-free and simple layers (flatten, dropout, a running-mean centring, residual). */
public final class TestLayers {

  private TestLayers() {}

  /** Flattens every sample to a vector. */
  public static final class Flatten implements Layer {
    private int[] shape;

    @Override
    public Tensor forward(Tensor x, Mode mode) {
      shape = x.shape();
      return x.reshape(x.dim(0), x.stride0());
    }

    @Override
    public Tensor backward(Tensor dy) {
      return dy.reshape(shape);
    }

    @Override
    public int[] outputShape(int[] s) {
      return new int[] {Arrays.stream(s).reduce(1, (a, b) -> a * b)};
    }

    @Override
    public String describe() {
      return "test_flatten";
    }
  }

  /** Inverted dropout whose random source the trainer reseeds every epoch. */
  public static final class Dropout implements Layer, Reseedable {
    private final double p;
    private SplittableRandom rng;
    private float[] mask;

    public Dropout(double p, SplittableRandom rng) {
      this.p = p;
      this.rng = rng;
    }

    @Override
    public void reseed(SplittableRandom r) {
      rng = r;
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
      Tensor y = x.copy();
      mask = new float[x.size()];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = mode == Mode.EVAL ? 1f : rng.nextDouble() < p ? 0f : (float) (1 / (1 - p));
        y.data()[i] *= mask[i];
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
      Tensor dx = dy.copy();
      for (int i = 0; i < mask.length; i++) {
        dx.data()[i] *= mask[i];
      }
      return dx;
    }

    @Override
    public int[] outputShape(int[] s) {
      return s.clone();
    }

    @Override
    public String describe() {
      return "test_dropout(" + p + ")";
    }
  }

  /** Subtracts the batch mean per feature in TRAIN (updating a running mean buffer), the running mean in EVAL. */
  public static final class Center implements Layer, LayerBuffers {
    private float[] running;

    public Center(int features) {
      running = new float[features];
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
      int n = x.dim(0);
      int f = x.stride0();
      float[] mean = running.clone();
      if (mode == Mode.TRAIN) {
        mean = new float[f];
        for (int i = 0; i < x.size(); i++) {
          mean[i % f] += x.data()[i] / n;
        }
        for (int k = 0; k < f; k++) {
          running[k] = 0.9f * running[k] + 0.1f * mean[k];
        }
      }
      Tensor y = x.copy();
      for (int i = 0; i < y.size(); i++) {
        y.data()[i] -= mean[i % f];
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
      int n = dy.dim(0);
      int f = dy.stride0();
      float[] g = new float[f];
      for (int i = 0; i < dy.size(); i++) {
        g[i % f] += dy.data()[i] / n;
      }
      Tensor dx = dy.copy();
      for (int i = 0; i < dx.size(); i++) {
        dx.data()[i] -= g[i % f];
      }
      return dx;
    }

    @Override
    public Map<String, Tensor> buffers() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      m.put("running_mean", Tensor.of(running, running.length));
      return m;
    }

    @Override
    public void loadBuffers(Map<String, Tensor> b) {
      Tensor t = b.get("running_mean");
      if (t == null || t.size() != running.length) {
        throw new IllegalArgumentException("running_mean missing or of the wrong size");
      }
      running = t.data().clone();
    }

    @Override
    public int[] outputShape(int[] s) {
      return s.clone();
    }

    @Override
    public String describe() {
      return "test_center";
    }
  }

  /** x + inner(x). */
  public static final class Residual implements Layer {
    private final Layer inner;

    public Residual(Layer inner) {
      this.inner = inner;
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
      Tensor y = inner.forward(x, mode);
      for (int i = 0; i < y.size(); i++) {
        y.data()[i] += x.data()[i];
      }
      return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
      Tensor dx = inner.backward(dy);
      for (int i = 0; i < dx.size(); i++) {
        dx.data()[i] += dy.data()[i];
      }
      return dx;
    }

    @Override
    public List<Parameter> parameters() {
      return inner.parameters();
    }

    @Override
    public int[] outputShape(int[] s) {
      return inner.outputShape(s);
    }

    @Override
    public String describe() {
      return "test_residual(" + inner.describe() + ")";
    }

    @Override
    public void initialize(SplittableRandom rng) {
      inner.initialize(rng);
    }
  }
}
