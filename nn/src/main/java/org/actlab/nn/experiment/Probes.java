package org.actlab.nn.experiment;

import java.util.List;

import org.actlab.nn.Layer;
import org.actlab.nn.Mode;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;
import org.actlab.nn.layer.ActivationLayer;
import org.actlab.nn.layer.Dense;
import org.actlab.nn.train.Model;

/**
 * Two after-training diagnostics of a model on an evaluation batch.
 *
 * <p><b>Dead units.</b> A hidden unit is one feature of a hidden layer's output: a hidden layer is a top-level
 * {@link Dense} (with its activation) or {@link ActivationLayer} other than the output layer; for a conv
 * network's activation layer a unit is one channel×position. A unit is dead when its output is exactly the same
 * for every sample of the batch (EVAL mode): it passes no information forward, and (its input being
 * data-dependent) no gradient back. ReLU units whose pre-activation is negative for every input are the classic
 * case (Lu et al., Dying ReLU and Initialization, 2019); saturated sigmoids stuck at exactly 0 or 1 count too.
 *
 * <p><b>Gradient-norm ratio.</b> ‖∂L/∂W‖_F of the first weight tensor (the first parameter of rank ≥ 2 in layer
 * order) over that of the last weight tensor, from one TRAIN-mode forward and backward pass of the loss on the
 * batch. Much less than 1 means the gradient vanishes on its way to the input; much more than 1 that it
 * explodes. The parameters' gradients are zeroed before and after, their values are not touched.
 */
public final class Probes {

  private Probes() {}

  /** Dead units over all hidden units of {@code model}, as a fraction (0 when it has no hidden layer). */
  public static double deadFraction(Model model, Tensor x) {
    List<Layer> layers = model.layers();
    Tensor t = x;
    long dead = 0;
    long units = 0;
    for (int i = 0; i < layers.size(); i++) {
      t = layers.get(i).forward(t, Mode.EVAL);
      if (i < layers.size() - 1 && hidden(layers.get(i))) {
        int width = t.size() / t.dim(0);
        dead += constantColumns(t.data(), t.dim(0), width);
        units += width;
      }
    }
    return units == 0 ? 0 : (double) dead / units;
  }

  private static boolean hidden(Layer l) {
    return l instanceof Dense || l instanceof ActivationLayer;
  }

  /** Columns of the row-major [rows, width] block whose value is the same in every row (NaN counts as alive). */
  static long constantColumns(float[] v, int rows, int width) {
    long n = 0;
    for (int c = 0; c < width; c++) {
      float first = v[c];
      boolean constant = !Float.isNaN(first);
      for (int r = 1; r < rows && constant; r++) {
        constant = v[r * width + c] == first; // -0.0 == 0.0: the same output
      }
      n += constant ? 1 : 0;
    }
    return n;
  }

  /** ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖ for the loss on ({@code x}, {@code y}); NaN with fewer than two weight tensors. */
  public static double gradientRatio(Model model, Tensor x, Tensor y) {
    List<Parameter> weights = model.parameters().stream().filter(p -> p.value().rank() >= 2).toList();
    if (weights.size() < 2) {
      return Double.NaN;
    }
    model.parameters().forEach(Parameter::zeroGrad);
    Tensor out = model.forward(x, Mode.TRAIN);
    model.loss().forward(out, y);
    model.backward(model.loss().backward());
    double ratio = norm(weights.getFirst().grad()) / norm(weights.getLast().grad());
    model.parameters().forEach(Parameter::zeroGrad);
    return ratio;
  }

  /** A copy of the first {@code n} samples (axis 0) of {@code t}. */
  public static Tensor firstRows(Tensor t, int n) {
    int[] shape = t.shape();
    shape[0] = n;
    Tensor out = new Tensor(shape);
    System.arraycopy(t.data(), 0, out.data(), 0, out.size());
    return out;
  }

  /** Frobenius norm, accumulated in double. */
  public static double norm(Tensor t) {
    double s = 0;
    for (float v : t.data()) {
      s += (double) v * v;
    }
    return Math.sqrt(s);
  }
}
