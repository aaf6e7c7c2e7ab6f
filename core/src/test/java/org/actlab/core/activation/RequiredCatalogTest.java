package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The catalog covers what issue #2 asks for, with the kind (elementwise or row) and the learnable parameters it
 * names. This is a requirements list, not a parallel registry: generic tests still iterate the catalog itself.
 */
class RequiredCatalogTest {

  private static final List<String> ELEMENTWISE = List.of(
      "identity", "relu", "relu6", "leaky_relu", "prelu", "rrelu", "threshold", "heaviside", "hardtanh",
      "hardshrink", "softshrink", "squared_relu", "thresholded_relu",
      "elu", "celu", "selu", "softplus", "squareplus",
      "sigmoid", "tanh", "hardsigmoid", "softsign", "logsigmoid", "tanhshrink", "scaled_tanh", "rectified_tanh",
      "isru", "bent_identity",
      "silu", "swish", "adaptive_swish", "mish", "gelu", "gelu_tanh", "quick_gelu", "hardswish", "tanhexp", "serf",
      "sparse_plus", "sparse_sigmoid", "exponential",
      "sine", "snake", "quadratic_softplus");

  private static final List<String> ROWS = List.of(
      "softmax", "softmin", "log_softmax", "sparsemax", "glu", "swiglu", "geglu", "reglu", "gaussian_glu");

  @Test
  void everyRequiredFunctionIsInTheCatalog() {
    List<String> missing = ELEMENTWISE.stream()
        .filter(id -> !(Catalog.find(id).orElse(null) instanceof Activation)).toList();
    assertTrue(missing.isEmpty(), "missing elementwise functions: " + missing);
    missing = ROWS.stream().filter(id -> !(Catalog.find(id).orElse(null) instanceof RowActivation)).toList();
    assertTrue(missing.isEmpty(), "missing row functions: " + missing);
  }

  @Test
  void learnableParametersAreTheOnesTheIssueNames() {
    learnable("prelu", "weight");
    learnable("swish", "beta");
    learnable("adaptive_swish", "alpha", "beta");
    learnable("snake", "alpha");
  }

  private static void learnable(String id, String... names) {
    Entry e = Catalog.get(id);
    assertTrue(e.spec().learnableParams().equals(List.of(names)),
        id + " learnable parameters are " + e.spec().learnableParams() + ", expected " + List.of(names));
  }
}
