package org.actlab.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.junit.jupiter.api.Test;

/**
 * Every function against PyTorch 1.13 (float64, CPU autograd) at moderate inputs and at the exact kinks
 * ({@code golden/torch.txt.gz}, made by {@code tools/golden.py}). Where the file flags torch as inexact
 * (more than 1e-10 from mpmath), as having no derivative, or as differing from NUMERICS.md §1 at a kink, the
 * value is checked against the file's reference column instead (mpmath, or the NUMERICS.md kink value).
 */
class TorchGoldenTest {

  private static final double REL = 1e-12;
  private static final double FLOOR = 1e-300;
  private static final List<String[]> LINES = Golden.read("torch.txt.gz");

  private static boolean close(double ours, double expected) {
    if (Double.isNaN(expected)) {
      return Double.isNaN(ours);
    }
    return ours == expected || Math.abs(ours - expected) <= REL * Math.abs(expected) + FLOOR;
  }

  @Test
  void everyCatalogEntryHasTorchDataOrIsDeclaredAbsentFromTorch() {
    Set<String> ids = new HashSet<>();
    for (String[] c : LINES) {
      ids.add(c[1]);
    }
    assertNull(Golden.coverage(ids));
  }

  @Test
  void elementwiseMatchesTorch() {
    List<String> bad = new ArrayList<>();
    int checked = 0;
    int inexact = 0;
    int numerics = 0;
    Set<String> seen = new HashSet<>();
    for (String[] c : LINES) {
      if (!c[0].equals("E") || !(Catalog.find(c[1]).orElse(null) instanceof Activation fn)
          || !fn.spec().id().equals(c[1])) {
        continue; // unknown ids are reported by the coverage test
      }
      seen.add(c[1]);
      double[] p = Golden.resolve(fn, c[2], Golden.params(c[3]));
      double x = Double.parseDouble(c[4]);
      Set<String> flags = Golden.flags(c[8]);
      if (flags.stream().anyMatch(s -> s.endsWith("_inexact"))) {
        inexact++;
      }
      if (flags.contains("dfdx_numerics")) {
        numerics++;
      }
      double y = fn.f(x, p);
      double fExp = flags.contains("f_inexact") ? new BigDecimal(c[9]).doubleValue() : Double.parseDouble(c[5]);
      boolean dRef = flags.contains("dfdx_inexact") || flags.contains("dfdx_numerics")
          || flags.contains("dfdx_nograd");
      double dExp = dRef ? new BigDecimal(c[10]).doubleValue() : Double.parseDouble(c[6]);
      double d = fn.dfdx(x, y, p);
      if (!close(y, fExp)) {
        bad.add(c[1] + " " + c[3] + " f(" + x + ") = " + y + ", expected " + fExp + " " + c[8]);
      }
      if (!close(d, dExp)) {
        bad.add(c[1] + " " + c[3] + " f'(" + x + ") = " + d + ", expected " + dExp + " " + c[8]);
      }
      Map<String, Double> dpTorch = Golden.params(c[7].replace(' ', ','));
      Map<String, BigDecimal> dpRef = Golden.named(c[11]);
      if (!dpTorch.isEmpty()) {
        double[] g = new double[p.length];
        fn.dfdp(x, y, p, 1.0, g);
        for (Map.Entry<String, Double> e : dpTorch.entrySet()) {
          double exp = flags.contains("dfdp_inexact") ? dpRef.get(e.getKey()).doubleValue() : e.getValue();
          double ours = g[fn.spec().paramIndex(e.getKey())];
          if (!close(ours, exp)) {
            bad.add(c[1] + " " + c[3] + " df/d" + e.getKey() + "(" + x + ") = " + ours + ", expected " + exp);
          }
        }
      }
      checked++;
    }
    System.out.printf("TorchGoldenTest: %d elementwise points of %d functions checked; %d torch_inexact points "
        + "checked against mpmath instead; %d kink points checked against NUMERICS.md instead of torch%n",
        checked, seen.size(), inexact, numerics);
    assertTrue(checked > 0, "no torch points matched the catalog");
    assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 40)), bad.size() + " mismatches");
  }

  @Test
  void rowsMatchTorch() {
    List<String> bad = new ArrayList<>();
    int checked = 0;
    int inexact = 0;
    for (String[] c : LINES) {
      if (!c[0].equals("R") || !(Catalog.find(c[1]).orElse(null) instanceof RowActivation fn)
          || !fn.spec().id().equals(c[1])) {
        continue;
      }
      double[] p = Golden.resolve(fn, c[2], Golden.params(c[3]));
      double[] x = Golden.doubles(c[4]);
      double[] g = Golden.doubles(c[6]);
      Set<String> flags = Golden.flags(c[8]);
      inexact += flags.isEmpty() ? 0 : 1;
      double[] yExp = flags.contains("y_inexact") ? rounded(Golden.decimals(c[9])) : Golden.doubles(c[5]);
      double[] dxExp = flags.contains("dx_inexact") ? rounded(Golden.decimals(c[10])) : Golden.doubles(c[7]);
      int m = fn.outputLength(x.length);
      double[] y = new double[m];
      double[] dx = new double[x.length];
      fn.forward(x, 0, x.length, y, 0, p);
      fn.backward(x, 0, x.length, g, 0, dx, 0, p, new double[Math.max(m, x.length)]);
      compareRow(c[1] + " y", c[4], y, yExp, bad);
      compareRow(c[1] + " dx", c[4], dx, dxExp, bad);
      checked++;
    }
    System.out.printf("TorchGoldenTest: %d rows checked, %d torch_inexact rows checked against mpmath%n", checked,
        inexact);
    assertTrue(checked > 0, "no torch rows matched the catalog");
    assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 40)), bad.size() + " mismatches");
  }

  private static double[] rounded(BigDecimal[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i].doubleValue();
    }
    return out;
  }

  /** Normwise: each component within 1e-12 of the row's largest expected magnitude. */
  private static void compareRow(String what, String x, double[] ours, double[] exp, List<String> bad) {
    double scale = 0;
    for (double v : exp) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < exp.length; i++) {
      if (!(Math.abs(ours[i] - exp[i]) <= REL * scale + FLOOR)) {
        bad.add(what + "[" + i + "] = " + ours[i] + ", expected " + exp[i] + " for x = [" + x + "]");
      }
    }
  }
}
