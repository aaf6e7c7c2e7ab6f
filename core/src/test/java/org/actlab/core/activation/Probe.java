package org.actlab.core.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded sample points and numeric helpers shared by the catalog-wide tests. */
final class Probe {

  /** Seed for every catalog-wide test; printed in failure messages so a failure can be replayed. */
  static final long SEED = 0x5EEDL;

  private Probe() {}

  static SplittableRandom random(String salt) {
    return new SplittableRandom(SEED ^ salt.hashCode());
  }

  /** Evenly spaced points from lo to hi inclusive. */
  static double[] grid(double lo, double hi, int n) {
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = lo + (hi - lo) * i / (n - 1);
    }
    return xs;
  }

  /** ±10^e for e from lo to hi in steps of {@code step}, both signs, sorted ascending. */
  static double[] logSweep(double lo, double hi, double step) {
    List<Double> out = new ArrayList<>();
    for (double e = hi; e >= lo; e -= step) {
      out.add(-Math.pow(10, e));
    }
    for (double e = lo; e <= hi; e += step) {
      out.add(Math.pow(10, e));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Dense sorted samples over the real line: a fine grid near 0, the plot domain, and wide magnitudes. */
  static double[] line(Spec s) {
    double[] a = grid(-50, 50, 100_001);
    double[] b = grid(s.plotLo(), s.plotHi(), 20_001);
    double[] c = logSweep(-30, 8, 0.01); // to 1e8: softsign approaches ±1 only like 1/x
    double[] all = new double[a.length + b.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 0, all, a.length + b.length, c.length);
    java.util.Arrays.sort(all);
    return all;
  }

  /** True if x is within {@code radius·max(1,|k|)} of a kink. */
  static boolean nearKink(double x, List<Kink> kinks, double radius) {
    for (Kink k : kinks) {
      if (Math.abs(x - k.x()) <= radius * Math.max(1, Math.abs(k.x()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameter sets each function is checked at: the defaults, and a perturbed set (every parameter moved
   * inside its range) when the entry accepts it. Catches code that ignores a parameter.
   */
  static List<double[]> paramSets(Entry e) {
    List<double[]> sets = new ArrayList<>();
    double[] d = e.spec().defaults();
    sets.add(d);
    if (d.length == 0) {
      return sets;
    }
    double[] q = d.clone();
    for (int i = 0; i < q.length; i++) {
      Param p = e.spec().params().get(i);
      double v = q[i] == 0 ? 0.3 : q[i] * 1.37 + 0.05 * Math.signum(q[i]);
      q[i] = p.accepts(v) ? v : p.accepts(q[i] * 0.73) ? q[i] * 0.73 : q[i];
    }
    try {
      e.validate(q);
      sets.add(q);
    } catch (IllegalArgumentException ignored) {
      // the perturbation broke a cross-parameter constraint: defaults only
    }
    return sets;
  }

  /** Expectation of g(Z) for Z ~ N(0,1), by the trapezoid rule on [-12, 12]. */
  static double gaussianMean(java.util.function.DoubleUnaryOperator g) {
    int n = 48_001;
    double h = 24.0 / (n - 1);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z = -12 + i * h;
      double w = (i == 0 || i == n - 1) ? 0.5 : 1;
      sum += w * g.applyAsDouble(z) * Math.exp(-z * z / 2);
    }
    return sum * h / Math.sqrt(2 * Math.PI);
  }
}
