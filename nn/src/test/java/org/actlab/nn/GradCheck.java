package org.actlab.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checks for layers and losses (minimal version for the sequence layers; the
 * canonical one comes from the layers branch). For a layer the scalar is {@code L = Σ g·forward(x)} with a
 * seeded random {@code g}; every input coordinate and every parameter entry is perturbed by
 * {@code ±step·max(1, |v|)} (the float difference actually applied is the denominator) and the central
 * difference, accumulated in double, is compared with backward's value:
 * {@code |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|)}. Failures name the coordinate and seed.
 *
 * <p>Piecewise functions (hardtanh) may put a kink inside a step; {@link #kinkBudget} allows that fraction of
 * coordinates to mismatch, and the report counts them so a test can bound it.
 */
public final class GradCheck {

  /** What a check compared: coordinates checked, mismatches tolerated by the kink budget, worst error ratio. */
  public record Report(int checked, int tolerated, double worst) {}

  private final long seed;
  private double step = 1e-2;
  private double rtol = 1e-2;
  private double atol = 1e-3;
  private double kinkBudget = 0;

  private GradCheck(long seed) {
    this.seed = seed;
  }

  public static GradCheck seed(long seed) {
    return new GradCheck(seed);
  }

  public GradCheck step(double s) {
    this.step = s;
    return this;
  }

  public GradCheck tolerance(double relative, double absolute) {
    this.rtol = relative;
    this.atol = absolute;
    return this;
  }

  /** Fraction of coordinates allowed to mismatch (kinks inside a step); 0 by default. */
  public GradCheck kinkBudget(double fraction) {
    this.kinkBudget = fraction;
    return this;
  }

  /** Checks dL/dx and every parameter gradient of {@code layer} at {@code x}; x is not modified. */
  public Report layer(Layer layer, Tensor x) {
    Tensor input = x.copy();
    Tensor y = layer.forward(input, Mode.TRAIN);
    Tensor g = new Tensor(y.shape());
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < g.size(); i++) {
      g.data()[i] = (float) (2 * rng.nextDouble() - 1);
    }
    for (Parameter p : layer.parameters()) {
      p.zeroGrad();
    }
    Tensor dx = layer.backward(g);
    List<Mismatch> bad = new ArrayList<>();
    double[] worst = {0};
    int checked = 0;
    DoubleSupplier loss = () -> dot(g, layer.forward(input, Mode.TRAIN));
    checked += compare("x", input.data(), dx.data(), loss, bad, worst);
    for (Parameter p : layer.parameters()) {
      float[] analytic = p.grad().data().clone();
      checked += compare(p.name(), p.value().data(), analytic, loss, bad, worst);
    }
    return verdict(checked, bad, worst[0]);
  }

  /** Checks {@code loss.backward()} against differences of {@code loss.forward(output, target)}. */
  public Report loss(Loss loss, Tensor output, Tensor target) {
    Tensor out = output.copy();
    loss.forward(out, target);
    float[] analytic = loss.backward().data().clone();
    List<Mismatch> bad = new ArrayList<>();
    double[] worst = {0};
    int checked = compare("output", out.data(), analytic, () -> loss.forward(out, target), bad, worst);
    return verdict(checked, bad, worst[0]);
  }

  private record Mismatch(String where, int index, double analytic, double numeric) {}

  private int compare(String name, float[] v, float[] analytic, DoubleSupplier loss, List<Mismatch> bad,
                      double[] worst) {
    for (int i = 0; i < v.length; i++) {
      float orig = v[i];
      double h = step * Math.max(1, Math.abs(orig));
      float plus = (float) (orig + h);
      float minus = (float) (orig - h);
      v[i] = plus;
      double lp = loss.getAsDouble();
      v[i] = minus;
      double lm = loss.getAsDouble();
      v[i] = orig;
      double numeric = (lp - lm) / ((double) plus - minus);
      double a = analytic[i];
      double err = Math.abs(a - numeric) / (atol + rtol * Math.max(Math.abs(a), Math.abs(numeric)));
      if (!(err <= 1)) {
        bad.add(new Mismatch(name, i, a, numeric));
      }
      worst[0] = Math.max(worst[0], Double.isNaN(err) ? Double.POSITIVE_INFINITY : err);
    }
    return v.length;
  }

  private Report verdict(int checked, List<Mismatch> bad, double worst) {
    if (bad.size() > kinkBudget * checked) {
      StringBuilder sb = new StringBuilder("gradient check failed (seed " + seed + "): " + bad.size() + " of "
          + checked + " coordinates differ");
      for (Mismatch m : bad.subList(0, Math.min(8, bad.size()))) {
        sb.append(String.format("%n  %s[%d]: analytic %.6g, numeric %.6g", m.where(), m.index(), m.analytic(),
            m.numeric()));
      }
      throw new AssertionError(sb.toString());
    }
    return new Report(checked, bad.size(), worst);
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += (double) a.data()[i] * b.data()[i];
    }
    return s;
  }
}
