package org.actlab.nn.layer;

import java.util.Arrays;
import java.util.Map;

import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/** Small helpers shared by the layers: renaming parameters, shape messages, restoring buffers. */
final class Params {

  private Params() {}

  /** A parameter named {@code name} holding copies of {@code p}'s value and gradient. */
  static Parameter renamed(Parameter p, String name) {
    Parameter q = new Parameter(name, p.value().shape());
    System.arraycopy(p.value().data(), 0, q.value().data(), 0, p.size());
    System.arraycopy(p.grad().data(), 0, q.grad().data(), 0, p.size());
    return q;
  }

  /** {@code scope + "." + local}, or {@code local} for an empty scope. */
  static String qualified(String scope, String local) {
    return scope.isEmpty() ? local : scope + "." + local;
  }

  /** "[3, 4]" for messages. */
  static String shape(int[] s) {
    return Arrays.toString(s);
  }

  /** The sample shape (all axes but the batch) of a batched tensor. */
  static int[] sample(Tensor x) {
    return Arrays.copyOfRange(x.shape(), 1, x.rank());
  }

  /** {@code [b, sample...]}. */
  static int[] batched(int b, int[] sample) {
    int[] s = new int[sample.length + 1];
    s[0] = b;
    System.arraycopy(sample, 0, s, 1, sample.length);
    return s;
  }

  /**
   * Requires the upstream gradient of backward to have the shape of the last output, naming the layer and both
   * shapes.
   */
  static void requireGradient(String layer, Tensor dy, int[] output) {
    if (!Arrays.equals(dy.shape(), output)) {
      throw new IllegalArgumentException(layer + ": gradient of shape " + shape(dy.shape())
          + " does not match the output " + shape(output));
    }
  }

  /** Requires a batched tensor of rank {@code rank}, naming the layer and the expected layout. */
  static void requireRank(Tensor x, int rank, String layer, String layout) {
    if (x.rank() != rank) {
      throw new IllegalArgumentException(layer + " expects " + layout + ", got a tensor of shape "
          + shape(x.shape()));
    }
  }

  /**
   * Output length of a window sliding over {@code n} (plus {@code pad} on each side) with {@code k} and
   * {@code stride} (floor mode, as PyTorch).
   *
   * @throws IllegalArgumentException if the padded input is smaller than the window
   */
  static int windows(String layer, String axis, int n, int k, int stride, int pad) {
    if (n + 2 * pad < k) {
      throw new IllegalArgumentException(layer + ": input " + axis + " " + n + (pad > 0 ? " (+2·" + pad
          + " padding)" : "") + " is smaller than the window " + k);
    }
    return (n + 2 * pad - k) / stride + 1;
  }

  /** Checks a window geometry at construction. */
  static void requireWindow(String layer, int k, int stride, int pad) {
    if (k < 1 || stride < 1 || pad < 0) {
      throw new IllegalArgumentException(layer + " needs kernel >= 1, stride >= 1, padding >= 0; got kernel=" + k
          + ", stride=" + stride + ", padding=" + pad);
    }
  }

  /** Copies buffer {@code name} from {@code saved} into {@code into}, checking presence and shape. */
  static void load(Map<String, Tensor> saved, String name, Tensor into) {
    Tensor t = saved.get(name);
    if (t == null) {
      throw new IllegalArgumentException("checkpoint has no buffer '" + name + "'");
    }
    if (!t.sameShape(into)) {
      throw new IllegalArgumentException("buffer '" + name + "' has shape " + shape(t.shape()) + ", expected "
          + shape(into.shape()));
    }
    System.arraycopy(t.data(), 0, into.data(), 0, into.size());
  }
}
