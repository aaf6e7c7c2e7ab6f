package org.actlab.nn.testkit;

import java.util.Map;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Tensor;

/** TEST STAND-IN for ActivationLayer: an elementwise catalog activation through its double reference. */
public final class TestLinearFree implements Layer {

  private final Activation act;
  private final double[] p;
  private Tensor x;
  private Tensor y;

  public TestLinearFree(String activation, Map<String, Double> params) {
    act = Catalog.activation(activation);
    p = Catalog.params(act, params);
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    x = input.copy();
    y = input.copy();
    for (int i = 0; i < y.size(); i++) {
      y.data()[i] = (float) act.f(x.data()[i], p);
    }
    return y.copy();
  }

  @Override
  public Tensor backward(Tensor dy) {
    Tensor dx = dy.copy();
    for (int i = 0; i < dx.size(); i++) {
      dx.data()[i] *= (float) act.dfdx(x.data()[i], y.data()[i], p);
    }
    return dx;
  }

  @Override
  public int[] outputShape(int[] s) {
    return s.clone();
  }

  @Override
  public String describe() {
    return "test_act(" + act.spec().id() + ")";
  }
}
