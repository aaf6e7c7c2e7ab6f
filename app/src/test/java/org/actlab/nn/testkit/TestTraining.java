package org.actlab.nn.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.actlab.nn.Initializer;
import org.actlab.nn.Loss;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/** TEST STAND-INS for the losses, an initializer and SGD with momentum (the real ones are on other branches). */
public final class TestTraining {

  private TestTraining() {}

  /** Mean over all elements of (out − target)². */
  public static final class Mse implements Loss {
    private Tensor diff;

    @Override
    public double forward(Tensor out, Tensor target) {
      diff = out.copy();
      double s = 0;
      for (int i = 0; i < diff.size(); i++) {
        diff.data()[i] -= target.data()[i];
        s += (double) diff.data()[i] * diff.data()[i];
      }
      return s / diff.size();
    }

    @Override
    public Tensor backward() {
      Tensor g = diff.copy();
      for (int i = 0; i < g.size(); i++) {
        g.data()[i] *= 2f / g.size();
      }
      return g;
    }

    @Override
    public String name() {
      return "test_mse";
    }
  }

  /** Softmax cross-entropy on [B, C] logits against class indices, averaged over the batch. */
  public static final class SoftmaxCe implements Loss {
    private Tensor grad;

    @Override
    public double forward(Tensor out, Tensor target) {
      int b = out.dim(0);
      int c = out.stride0();
      grad = new Tensor(b, c);
      double loss = 0;
      for (int i = 0; i < b; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
          max = Math.max(max, out.data()[i * c + k]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
          sum += Math.exp(out.data()[i * c + k] - max);
        }
        int t = (int) target.data()[i];
        loss += max + Math.log(sum) - out.data()[i * c + t];
        for (int k = 0; k < c; k++) {
          double pk = Math.exp(out.data()[i * c + k] - max) / sum;
          grad.data()[i * c + k] = (float) ((pk - (k == t ? 1 : 0)) / b);
        }
      }
      return loss / b;
    }

    @Override
    public Tensor backward() {
      return grad.copy();
    }

    @Override
    public String name() {
      return "test_softmax_cross_entropy";
    }
  }

  /** Uniform in ±sqrt(6 / (fanIn + fanOut)) (Glorot). */
  public static final class Glorot implements Initializer {
    @Override
    public void fill(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
      double a = Math.sqrt(6.0 / (fanIn + fanOut));
      for (int i = 0; i < w.size(); i++) {
        w.data()[i] = (float) rng.nextDouble(-a, a);
      }
    }

    @Override
    public String describe() {
      return "test_glorot";
    }
  }

  /** SGD with momentum: v = μv + g; w −= lr·v. State "NAME/v" per parameter. */
  public static final class Sgd implements Optimizer {
    private double lr;
    private final double momentum;
    private Map<String, float[]> v = new HashMap<>();

    public Sgd(double lr, double momentum) {
      this.lr = lr;
      this.momentum = momentum;
    }

    @Override
    public void step(List<Parameter> params) {
      for (Parameter p : params) {
        float[] vel = v.computeIfAbsent(p.name(), k -> new float[p.size()]);
        float[] w = p.value().data();
        float[] g = p.grad().data();
        for (int i = 0; i < w.length; i++) {
          vel[i] = (float) (momentum * vel[i] + g[i]);
          w[i] -= (float) (lr * vel[i]);
        }
      }
    }

    @Override
    public double learningRate() {
      return lr;
    }

    @Override
    public void setLearningRate(double lr) {
      this.lr = lr;
    }

    @Override
    public void reset() {
      v = new HashMap<>();
    }

    @Override
    public Map<String, Tensor> state() {
      Map<String, Tensor> s = new TreeMap<>();
      v.forEach((k, a) -> s.put(k + "/v", Tensor.of(a, a.length)));
      return s;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
      v = new HashMap<>();
      state.forEach((k, t) -> v.put(k.substring(0, k.length() - 2), t.data().clone()));
    }

    @Override
    public String describe() {
      return "test_sgd(lr=" + lr + ", momentum=" + momentum + ")";
    }
  }
}
