package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * At every declared kink the derivative is exactly the declared value (NUMERICS.md §1), at the defaults and at a
 * perturbed parameter set, so kinks that move with their parameters are followed.
 */
class KinkTest {

  @Test
  void derivativeAtEveryKinkIsExactlyTheDeclaredValue() {
    List<String> failures = new ArrayList<>();
    int kinks = 0;
    for (Activation a : Catalog.elementwise()) {
      for (double[] p : Probe.paramSets(a)) {
        for (Kink k : a.spec().kinksAt(p)) {
          double got = a.dfdx(k.x(), a.f(k.x(), p), p);
          if (Double.compare(got, k.derivative()) != 0 && got != k.derivative()) {
            failures.add(a.spec().id() + Arrays.toString(p) + " at x=" + k.x() + ": declared " + k.derivative()
                + ", dfdx gives " + got + " (" + k.why() + ")");
          }
          kinks++;
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(kinks > 0 || Catalog.elementwise().size() < 5, "no kink was checked");
  }

  /** PyTorch's conventions from NUMERICS.md §1, spelled out where the catalog has the function. */
  @Test
  void pytorchKinkConventions() {
    expect("relu", 0, 0);
    expect("leaky_relu", 0, 0.01);
    expect("prelu", 0, 0.25);
    expect("rrelu", 0, (1.0 / 8 + 1.0 / 3) / 2);
    expect("elu", 0, 1.0);
    expect("celu", 0, 1.0);
    expect("selu", 0, 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717);
    expect("hardtanh", -1, 0);
    expect("hardtanh", 1, 0);
    expect("relu6", 0, 0);
    expect("relu6", 6, 0);
    expect("threshold", 0, 0);
    expect("hardshrink", 0.5, 0);
    expect("hardshrink", -0.5, 0);
    expect("softshrink", 0.5, 0);
    expect("softshrink", -0.5, 0);
    expect("hardsigmoid", 3, 0);
    expect("hardsigmoid", -3, 0);
    expect("hardswish", -3, 0);
    expect("hardswish", 3, 1);
  }

  private static void expect(String id, double x, double derivative) {
    Catalog.find(id).ifPresent(e -> {
      Activation a = (Activation) e;
      double[] p = a.spec().defaults();
      assertEquals(derivative, a.dfdx(x, a.f(x, p), p), 1e-15, id + "'(" + x + ")");
      assertTrue(a.spec().kinksAt(p).stream().anyMatch(k -> k.x() == x), id + ": kink at " + x + " not declared");
    });
  }
}
