package org.actlab.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.core.kernel.approx.ApproxKernel;

/**
 * Collects {@code bench} numbers and prints them as tables or as one JSON object: the shape
 * {@code {copy, results[, approx]}}, plus {@code dtype}.
 */
final class BenchReport {

  private record Row(String function, int size, int threads, String kernel, double forward, double backward) {}

  private record ApproxRow(ApproxKernel kernel, int size, double forward, double backward, double error) {}

  /** Copy bandwidth samples of one size: their median is the roofline. */
  private record Copy(double median, double min, double max, int samples) {}

  private final String dtype;
  private final Map<Integer, Copy> copy = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final List<ApproxRow> approx = new ArrayList<>();

  /** {@code dtype}: float32 or float64, the arrays' element type. */
  BenchReport(String dtype) {
    this.dtype = dtype;
  }

  void copy(int n, List<Double> samples) {
    double[] v = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int m = v.length / 2;
    double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    copy.put(n, new Copy(median, v[0], v[v.length - 1], v.length));
  }

  void result(String fn, int n, int threads, String kernel, double fwd, double bwd) {
    rows.add(new Row(fn, n, threads, kernel, fwd, bwd));
  }

  void approx(ApproxKernel k, int n, double fwd, double bwd, double err) {
    approx.add(new ApproxRow(k, n, fwd, bwd, err));
  }

  ObjectNode json() {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("dtype", dtype);
    ObjectNode c = o.putObject("copy");
    copy.forEach((n, v) -> c.put(Integer.toString(n), round(v.median)));
    ArrayNode a = o.putArray("results");
    for (Row r : rows) {
      a.addObject().put("function", r.function).put("size", r.size).put("threads", r.threads)
          .put("kernel", r.kernel).put("forward", round(r.forward)).put("backward", round(r.backward));
    }
    if (!approx.isEmpty()) {
      ArrayNode b = o.putArray("approx");
      for (ApproxRow r : approx) {
        b.addObject().put("id", r.kernel.id()).put("target", r.kernel.target()).put("size", r.size)
            .put("max_abs_error", r.error).put("documented_max_abs_error", r.kernel.maxAbsError())
            .put("forward", round(r.forward)).put("backward", round(r.backward));
      }
    }
    return o;
  }

  void print(PrintWriter out, String lanes, int threads) {
    out.println(dtype + ", " + threads + " thread(s), " + lanes + "; Melem/s (millions of elements per second)");
    TextTable c = new TextTable("size", "copy (roofline)", "samples", "range");
    copy.forEach((n, v) -> c.add(Integer.toString(n), fmt(v.median), Integer.toString(v.samples),
        fmt(v.min) + "-" + fmt(v.max)));
    c.print(out, "");
    out.println();
    TextTable t = new TextTable("function", "kernel", "size", "forward", "backward", "fwd/copy");
    for (Row r : rows) {
      t.add(r.function, r.kernel, Integer.toString(r.size), fmt(r.forward), fmt(r.backward),
          String.format(Locale.ROOT, "%.0f%%", 100 * r.forward / copy.get(r.size).median));
    }
    t.print(out, "");
    if (!approx.isEmpty()) {
      out.println();
      out.println("Approximate variants (not within 4 ULP): max |error| on the benchmark inputs vs speed; exact "
          + "kernels are within 4 ULP");
      TextTable a = new TextTable("variant", "size", "max |err| in domain", "documented", "forward", "backward",
          "exact forward");
      for (ApproxRow r : approx) {
        String exact = rows.stream().filter(w -> w.function.equals(r.kernel.target()) && w.size == r.size)
            .map(w -> fmt(w.forward) + " (" + w.kernel + ")").findFirst().orElse("-");
        a.add(r.kernel.id(), Integer.toString(r.size), String.format(Locale.ROOT, "%.2g", r.error),
            String.format(Locale.ROOT, "%.2g", r.kernel.maxAbsError()), fmt(r.forward), fmt(r.backward), exact);
      }
      a.print(out, "");
    }
  }

  /** Four significant digits: more would be noise. */
  private static double round(double v) {
    return v == 0 || !Double.isFinite(v) ? v
        : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
