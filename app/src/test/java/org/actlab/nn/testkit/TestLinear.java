package org.actlab.nn.testkit;

import java.util.List;
import java.util.SplittableRandom;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.nn.Initializer;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/**
 * TEST STAND-IN for the layers helper's Dense (not merged yet): y = act(x·W + b) on [B, in], with the activation
 * applied through the catalog's double reference. Delete when the real Dense is wired into a Toolkit.
 */
public final class TestLinear implements Layer {

  private final int in;
  private final int out;
  private final Activation act;
  private final double[] p;
  private final Initializer init;
  private final Parameter w;
  private final Parameter b;
  private Tensor x;
  private Tensor z;
  private Tensor y;

  public TestLinear(String name, int in, int out, String activation, java.util.Map<String, Double> params,
                    Initializer init) {
    this.in = in;
    this.out = out;
    this.act = Catalog.activation(activation);
    this.p = Catalog.params(act, params);
    this.init = init;
    this.w = new Parameter(name + ".weight", in, out);
    this.b = new Parameter(name + ".bias", out);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int n = input.dim(0);
    x = input.copy();
    z = new Tensor(n, out);
    y = new Tensor(n, out);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < out; j++) {
        float s = b.value().data()[j];
        for (int k = 0; k < in; k++) {
          s += x.data()[i * in + k] * w.value().data()[k * out + j];
        }
        z.data()[i * out + j] = s;
        y.data()[i * out + j] = (float) act.f(s, p);
      }
    }
    return y.copy();
  }

  @Override
  public Tensor backward(Tensor dy) {
    int n = x.dim(0);
    Tensor dx = new Tensor(n, in);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < out; j++) {
        int o = i * out + j;
        float g = (float) (dy.data()[o] * act.dfdx(z.data()[o], y.data()[o], p));
        b.grad().data()[j] += g;
        for (int k = 0; k < in; k++) {
          w.grad().data()[k * out + j] += x.data()[i * in + k] * g;
          dx.data()[i * in + k] += w.value().data()[k * out + j] * g;
        }
      }
    }
    return dx;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(w, b);
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    if (inputShape.length != 1 || inputShape[0] != in) {
      throw new IllegalArgumentException("expected [" + in + "], got " + java.util.Arrays.toString(inputShape));
    }
    return new int[] {out};
  }

  @Override
  public String describe() {
    return "test_linear(" + in + "→" + out + ", " + act.spec().id() + ")";
  }

  @Override
  public void initialize(SplittableRandom rng) {
    init.fill(w.value(), in, out, rng);
    b.value().fill(0f);
  }
}
