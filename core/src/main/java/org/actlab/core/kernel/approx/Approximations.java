package org.actlab.core.kernel.approx;

import java.util.ArrayList;
import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;

/**
 * The registry of approximate kernels. Fixed entries ({@code tanh~rational}, {@code sigmoid~rational}) plus
 * {@code <id>~int8} for EVERY elementwise catalog function, built on demand with {@link Int8Lut#forPlotDomain}.
 */
public final class Approximations {

  private Approximations() {}

  /** Functions whose int8 variant {@link #featured()} lists (the benchmark's default set). */
  private static final List<String> FEATURED_INT8 = List.of("sigmoid", "tanh", "gelu", "silu");

  /** The approximation with this id, or null. */
  public static ApproxKernel get(String id) {
    switch (id) {
      case "tanh~rational":
        return new RationalTanh();
      case "sigmoid~rational":
        return new RationalSigmoid();
      default:
        break;
    }
    if (id.endsWith("~int8")) {
      String target = id.substring(0, id.length() - "~int8".length());
      for (Activation a : Catalog.elementwise()) {
        if (a.spec().id().equals(target)) {
          return Int8Lut.forPlotDomain(a);
        }
      }
    }
    return null;
  }

  /** The rational variants and the int8 variants of a few representative functions. */
  public static List<ApproxKernel> featured() {
    List<ApproxKernel> out = new ArrayList<>(List.of(new RationalTanh(), new RationalSigmoid()));
    for (String id : FEATURED_INT8) {
      out.add(get(id + "~int8"));
    }
    return out;
  }

  /** Every approximation of catalog function {@code target} among {@link #featured()}. */
  public static List<ApproxKernel> of(String target) {
    List<ApproxKernel> out = new ArrayList<>();
    for (ApproxKernel k : featured()) {
      if (k.target().equals(target)) {
        out.add(k);
      }
    }
    return out;
  }
}
