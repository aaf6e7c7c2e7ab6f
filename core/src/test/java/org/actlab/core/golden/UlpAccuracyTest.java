package org.actlab.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.junit.jupiter.api.Test;

/**
 * ULP error of every elementwise function and derivative against the mpmath reference
 * ({@code golden/mpmath.txt.gz}), through the double and the float32 array paths of {@link KernelProvider}.
 * ULP = |ours − exact| / ulp(exact rounded to the format). Bound: 4 ULP (NUMERICS.md §2) everywhere, including
 * next to the irrational roots of f' (silu', gelu', mish'…, snake's double roots), where the references switch to
 * the series of {@code math/RootSeries} and the reduction of {@code math/QuarterPi}. Rows of kind {@code root64}
 * (double neighbours of a root, not float32 values) are checked in double only. Writes the table to
 * {@code target/ulp-report.md}.
 */
class UlpAccuracyTest {

  private static final double MAX_ULP = 4;
  private static final double ROW_REL = 1e-13;

  private static final List<String[]> LINES = Golden.read("mpmath.txt.gz");

  /** Worst case of one quantity: error and where it happened. */
  private static final class Worst {
    double ulp;
    double x = Double.NaN;

    void add(double e, double at) {
      if (e > ulp || Double.isNaN(e)) {
        ulp = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        x = at;
      }
    }

    @Override
    public String toString() {
      return Double.isNaN(x) ? "0" : String.format("%.3g @ %s", ulp, x);
    }
  }

  static double ulpError(double ours, BigDecimal exact, boolean f32) {
    double ex = f32 ? exact.floatValue() : exact.doubleValue();
    if (ours == ex) {
      return 0;
    }
    if (!Double.isFinite(ours) || !Double.isFinite(ex)) {
      return Double.POSITIVE_INFINITY;
    }
    return absError(ours, exact) / (f32 ? Math.ulp((float) ex) : Math.ulp(ex));
  }

  static double absError(double ours, BigDecimal exact) {
    return new BigDecimal(ours).subtract(exact).abs().round(MathContext.DECIMAL64).doubleValue();
  }

  @Test
  void everyCatalogEntryHasMpmathData() {
    Set<String> ids = new HashSet<>();
    for (String[] c : LINES) {
      ids.add(c[1]);
    }
    assertNull(Golden.coverage(ids));
  }

  @Test
  void elementwiseWithinFourUlp() throws IOException {
    Map<String, List<String[]>> groups = new LinkedHashMap<>();
    for (String[] c : LINES) {
      if (c[0].equals("E")) {
        groups.computeIfAbsent(c[1] + "\t" + c[2] + "\t" + c[3], k -> new ArrayList<>()).add(c);
      }
    }
    Map<String, Worst[]> table = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    int points = 0;
    int doubleOnly = 0;
    for (Map.Entry<String, List<String[]>> g : groups.entrySet()) {
      String[] key = g.getKey().split("\t");
      if (!(Catalog.find(key[0]).orElse(null) instanceof Activation fn) || !fn.spec().id().equals(key[0])) {
        continue; // reported by the coverage test
      }
      double[] p = Golden.resolve(fn, key[1], Golden.params(key[2]));
      List<String[]> rows = g.getValue();
      int n = rows.size();
      double[] x = new double[n];
      float[] xf = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = Double.parseDouble(rows.get(i)[5]);
        xf[i] = (float) x[i];
      }
      Kernel k = KernelProvider.kernel(fn);
      ParamBlock pb = ParamBlock.shared(p);
      double[] y = new double[n];
      double[] dx = new double[n];
      double[] ones = new double[n];
      java.util.Arrays.fill(ones, 1.0);
      float[] yf = new float[n];
      float[] dxf = new float[n];
      float[] onesf = new float[n];
      java.util.Arrays.fill(onesf, 1.0f);
      k.forward(x, 0, y, 0, n, pb);
      k.backward(x, 0, ones, 0, dx, 0, n, pb, null);
      k.forward(xf, 0, yf, 0, n, pb);
      k.backward(xf, 0, onesf, 0, dxf, 0, n, pb, null);
      Worst[] w = table.computeIfAbsent(key[0], id -> new Worst[] {new Worst(), new Worst(), new Worst(),
          new Worst(), new Worst()});
      for (int i = 0; i < n; i++) {
        String[] c = rows.get(i);
        BigDecimal f = new BigDecimal(c[6]);
        BigDecimal d = new BigDecimal(c[7]);
        double[] e = {ulpError(y[i], f, false), ulpError(dx[i], d, false), ulpError(yf[i], f, true),
            ulpError(dxf[i], d, true)};
        boolean f64Only = c[4].equals("root64"); // not a float32 value: the float path would see another x
        doubleOnly += f64Only ? 1 : 0;
        for (int q = 0; q < (f64Only ? 2 : 4); q++) {
          w[q].add(e[q], x[i]);
          if (e[q] > MAX_ULP) {
            bad.add(String.format("%s %s %s(%s) %s: %.3g ULP", key[0], key[2], q % 2 == 0 ? "f" : "f'", c[5],
                q >= 2 ? "f32" : "f64", e[q]));
          }
        }
        checkDfdp(fn, x[i], y[i], p, Golden.named(c[8]), w[4], bad, key);
        points++;
      }
    }
    String report = report(table, points, doubleOnly);
    System.out.print(report);
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("ulp-report.md"), report, StandardCharsets.UTF_8);
    assertTrue(points > 0, "no mpmath points matched the catalog");
    assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 60)), bad.size() + " points over " + MAX_ULP
        + " ULP");
  }

  /**
   * Parameter gradients: reported in ULP, asserted relative 1e-12 with an absolute floor 1e-15·max(1, x²)
   * (snake's ∂f/∂α is a difference of terms of size x/α, swish's scales as x²).
   */
  private static void checkDfdp(Activation fn, double x, double y, double[] p, Map<String, BigDecimal> exp,
                                Worst w, List<String> bad, String[] key) {
    if (exp.isEmpty()) {
      return;
    }
    double[] g = new double[p.length];
    fn.dfdp(x, y, p, 1.0, g);
    for (Map.Entry<String, BigDecimal> e : exp.entrySet()) {
      double ours = g[fn.spec().paramIndex(e.getKey())];
      w.add(ulpError(ours, e.getValue(), false), x);
      double ex = e.getValue().doubleValue();
      if (!(Math.abs(ours - ex) <= 1e-12 * Math.abs(ex) + 1e-15 * Math.max(1, x * x))) {
        bad.add(key[0] + " " + key[2] + " df/d" + e.getKey() + "(" + x + ") = " + ours + ", exact " + ex);
      }
    }
  }

  private static String report(Map<String, Worst[]> table, int points, int doubleOnly) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ULP error against mpmath (golden/mpmath.txt.gz)\n\n");
    sb.append(String.format("%d points (%d of them double neighbours of roots of f', checked in double only); no "
        + "relaxation anywhere.%n%n", points, doubleOnly));
    sb.append("| function | f64 f | f64 f' | f32 f | f32 f' | f64 df/dp |\n");
    sb.append("| --- | --- | --- | --- | --- | --- |\n");
    table.forEach((id, w) -> sb.append(String.format("| %s | %s | %s | %s | %s | %s |%n", id, w[0], w[1], w[2],
        w[3], w[4])));
    return sb.toString();
  }

  @Test
  void rowsWithinRelativeError() {
    List<String> bad = new ArrayList<>();
    Map<String, double[]> worst = new LinkedHashMap<>();
    int checked = 0;
    for (String[] c : LINES) {
      if (!c[0].equals("R") || !(Catalog.find(c[1]).orElse(null) instanceof RowActivation fn)
          || !fn.spec().id().equals(c[1])) {
        continue;
      }
      double[] p = Golden.resolve(fn, c[2], Golden.params(c[3]));
      double[] x = Golden.doubles(c[4]);
      double[] g = Golden.doubles(c[6]);
      int m = fn.outputLength(x.length);
      double[] y = new double[m];
      double[] dx = new double[x.length];
      fn.forward(x, 0, x.length, y, 0, p);
      fn.backward(x, 0, x.length, g, 0, dx, 0, p, new double[Math.max(m, x.length)]);
      double ey = normwise(y, Golden.decimals(c[5]));
      double ed = normwise(dx, Golden.decimals(c[7]));
      double[] w = worst.computeIfAbsent(c[1] + " " + c[3], k -> new double[2]);
      w[0] = Math.max(w[0], ey);
      w[1] = Math.max(w[1], ed);
      if (!(ey <= ROW_REL) || !(ed <= ROW_REL)) {
        bad.add(String.format("%s %s x=[%s]: forward %.3g, vjp %.3g", c[1], c[3], c[4], ey, ed));
      }
      checked++;
    }
    System.out.println("Row functions, worst normwise relative error (forward, vjp) vs mpmath:");
    worst.forEach((k, w) -> System.out.printf("  %-30s %.3g %.3g%n", k, w[0], w[1]));
    assertTrue(checked > 0, "no mpmath rows matched the catalog");
    assertEquals(List.of(), bad.subList(0, Math.min(bad.size(), 40)), bad.size() + " rows over " + ROW_REL);
  }

  /** max_i |ours_i − exact_i| / max_i |exact_i| (0 for an all-zero exact row matched exactly). */
  private static double normwise(double[] ours, BigDecimal[] exact) {
    double scale = 0;
    double err = 0;
    for (int i = 0; i < exact.length; i++) {
      scale = Math.max(scale, Math.abs(exact[i].doubleValue()));
      err = Math.max(err, Double.isNaN(ours[i]) ? Double.POSITIVE_INFINITY : absError(ours[i], exact[i]));
    }
    return err == 0 ? 0 : err / scale;
  }
}
