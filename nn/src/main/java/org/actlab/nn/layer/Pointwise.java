package org.actlab.nn.layer;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Param;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;

/**
 * A catalog elementwise activation with fixed, validated parameters, applied to float arrays through the best
 * {@link Kernel} ({@link KernelProvider}). Used inside layers that apply an activation to an intermediate result
 * (the attention projections, the recurrent adapter). Parameters here are hyper-parameters: learnable ones
 * (prelu's weight, swish's beta) keep their given value and receive no gradient.
 */
public final class Pointwise {

  private final Activation fn;
  private final double[] params;
  private final ParamBlock block;
  private final Kernel kernel;

  private Pointwise(Activation fn, double[] params) {
    this.fn = Objects.requireNonNull(fn);
    this.params = params.clone();
    this.block = ParamBlock.shared(this.params);
    this.kernel = KernelProvider.kernel(fn);
  }

  /** The catalog function {@code name} at its default parameters. */
  public static Pointwise of(String name) {
    return of(name, Map.of());
  }

  /** The catalog function {@code name} with some parameters overridden; unknown names or bad values throw. */
  public static Pointwise of(String name, Map<String, Double> params) {
    Activation fn = Catalog.activation(name);
    return new Pointwise(fn, Catalog.params(fn, params));
  }

  /** {@code fn} with its default parameters. */
  public static Pointwise of(Activation fn) {
    return new Pointwise(fn, Catalog.params(fn, Map.of()));
  }

  /** The identity, the default for attention projections. */
  public static Pointwise identity() {
    return of("identity");
  }

  public Activation activation() {
    return fn;
  }

  /** A copy of the parameter values, in the spec's order. */
  public double[] params() {
    return params.clone();
  }

  /** {@code y[i] = f(x[i])} over all of {@code x}; {@code x} is not modified. */
  public void forward(float[] x, float[] y) {
    kernel.forward(x, 0, y, 0, x.length, block);
  }

  /** {@code dx[i] = dy[i]·f'(x[i])} over all of {@code x}; {@code x} and {@code dy} are not modified. */
  public void backward(float[] x, float[] dy, float[] dx) {
    kernel.backward(x, 0, dy, 0, dx, 0, x.length, block, null);
  }

  /** {@code tanh}, or {@code hardtanh(min_val=-2, max_val=2)} when parameters exist. */
  public String describe() {
    if (params.length == 0) {
      return fn.spec().id();
    }
    StringJoiner j = new StringJoiner(", ", fn.spec().id() + "(", ")");
    for (int i = 0; i < params.length; i++) {
      Param p = fn.spec().params().get(i);
      j.add(p.name() + "=" + format(params[i]));
    }
    return j.toString();
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
