package org.actlab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient checker for any {@link Layer} (input gradient and every parameter gradient) and any
 * {@link Loss}, on float32 tensors.
 *
 * <p>A layer is reduced to the scalar {@code L = Σ u·y} with a seeded random upstream {@code u}, summed in double;
 * its analytic gradients are {@code backward(u)} and the parameters' {@code grad}. Each coordinate {@code v} is
 * moved by {@code h = step·max(1, |v|)} both ways (the float-rounded actual steps are used) and the central
 * difference is compared with the analytic value by {@code |a − n| / max(|a|, |n|, floor)}.
 *
 * <p>Kinks (relu at 0, max-pool ties, prelu) make the central difference meaningless when one lies within
 * {@code h}: there the one-sided differences disagree. A coordinate whose analytic value fails the central test
 * but lies between the two one-sided differences (widened by the tolerance) is counted as <em>skipped</em>, not
 * failed; a smooth coordinate has nearly equal one-sided differences, so a wrong gradient still fails. The check
 * fails if more than {@code maxSkipped} of the coordinates are skipped, so a systematic error cannot hide there.
 *
 * <p>Side checks: forward must not modify its input, backward must not modify its upstream gradient, and
 * backward must <em>add</em> into parameter gradients (they are pre-filled with a known value).
 *
 * <p>Usage: {@code GradCheck.layer(dense).seed(7).input(4, 3).run();} — throws {@link AssertionError} whose
 * message names the seed, the tensor, the worst coordinate and both values; returns the {@link Report}.
 */
public final class GradCheck {

  /** The outcome for one tensor (the input or a parameter). */
  public record Result(String tensor, int checked, int skipped, double worstError, int worstIndex,
                       double analytic, double numeric) {
    @Override
    public String toString() {
      return String.format("%s: worst rel err %.3g at index %d (analytic %.6g, numeric %.6g), %d checked, "
          + "%d skipped at kinks", tensor, worstError, worstIndex, analytic, numeric, checked, skipped);
    }
  }

  /** All results of one run, with the seed that reproduces it. */
  public record Report(long seed, List<Result> results) {
    public double worstError() {
      return results.stream().mapToDouble(Result::worstError).max().orElse(0);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("gradcheck seed=" + seed);
      results.forEach(r -> sb.append("\n  ").append(r));
      return sb.toString();
    }
  }

  private GradCheck() {}

  /** A check of {@code layer}; configure with the fluent setters, then {@link LayerCheck#run}. */
  public static LayerCheck layer(Layer layer) {
    return new LayerCheck(layer);
  }

  /** A check of {@code loss} at {@code output} against {@code target}; configure, then {@link LossCheck#run}. */
  public static LossCheck loss(Loss loss, Tensor output, Tensor target) {
    return new LossCheck(loss, output, target);
  }

  /** Settings shared by both checks. */
  abstract static class Settings<S extends Settings<S>> {
    long seed = 42;
    double step = 1e-2;
    double tol = 1e-2;
    double floor = 1e-2;
    double maxSkipped = 0.1;

    abstract S self();

    /** Seed for inputs, upstream gradients and pre-filled gradients (default 42). */
    public S seed(long s) {
      seed = s;
      return self();
    }

    /** Relative step: {@code h = step·max(1, |v|)} (default 1e-2). */
    public S step(double s) {
      step = s;
      return self();
    }

    /** Largest accepted relative error (default 1e-2). */
    public S tolerance(double t) {
      tol = t;
      return self();
    }

    /** Absolute floor of the relative error's denominator (default 1e-2). */
    public S floor(double f) {
      floor = f;
      return self();
    }

    /** Largest fraction of coordinates that may be skipped as kinks (default 0.1). */
    public S maxSkipped(double f) {
      maxSkipped = f;
      return self();
    }

    Result compare(String name, float[] values, double[] analytic, DoubleSupplier objective) {
      Worst w = new Worst(name);
      for (int i = 0; i < values.length; i++) {
        float v0 = values[i];
        double h = step * Math.max(1, Math.abs(v0));
        float vp = (float) (v0 + h);
        float vm = (float) (v0 - h);
        values[i] = vp;
        double lp = objective.getAsDouble();
        values[i] = vm;
        double lm = objective.getAsDouble();
        values[i] = v0;
        double l0 = objective.getAsDouble();
        double hp = (double) vp - v0;
        double hm = (double) v0 - vm;
        w.add(i, analytic[i], (lp - lm) / (hp + hm), (lp - l0) / hp, (l0 - lm) / hm);
      }
      return w.result();
    }

    /** Running worst error and kink count for one tensor. */
    final class Worst {
      final String name;
      int checked;
      int skipped;
      double worst = -1;
      int index = -1;
      double a;
      double n;

      Worst(String name) {
        this.name = name;
      }

      void add(int i, double analytic, double central, double right, double left) {
        checked++;
        double err = Math.abs(analytic - central) / Math.max(floor, Math.max(Math.abs(analytic), Math.abs(central)));
        if (!(err <= tol) && betweenOneSided(analytic, right, left)) {
          skipped++;
          return;
        }
        if (!(err <= worst) || Double.isNaN(err)) {
          worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
          index = i;
          a = analytic;
          n = central;
        }
      }

      private boolean betweenOneSided(double analytic, double right, double left) {
        double slack = tol * Math.max(floor, Math.max(Math.abs(right), Math.abs(left)));
        return analytic >= Math.min(right, left) - slack && analytic <= Math.max(right, left) + slack;
      }

      Result result() {
        return new Result(name, checked, skipped, Math.max(worst, 0), index, a, n);
      }
    }

    Report finish(List<Result> results, String what) {
      Report report = new Report(seed, List.copyOf(results));
      for (Result r : results) {
        boolean tooManySkipped = r.skipped() > maxSkipped * r.checked();
        if (!(r.worstError() <= tol) || tooManySkipped) {
          throw new AssertionError(what + " fails gradient check (tolerance " + tol + ", max skipped "
              + maxSkipped + "): " + report);
        }
      }
      return report;
    }
  }

  /** Gradient check of a layer. */
  public static final class LayerCheck extends Settings<LayerCheck> {
    private final Layer layer;
    private Tensor input;
    private int[] shape;
    private Mode mode = Mode.TRAIN;
    private double scale = 1;
    private Runnable beforeForward = () -> {};

    LayerCheck(Layer layer) {
      this.layer = Objects.requireNonNull(layer);
    }

    @Override
    LayerCheck self() {
      return this;
    }

    /** Random input of this shape (batch axis first), uniform in {@code [−scale, scale]} from the seed. */
    public LayerCheck input(int... batchShape) {
      shape = batchShape.clone();
      input = null;
      return this;
    }

    /** A fixed input (copied). */
    public LayerCheck input(Tensor x) {
      input = x.copy();
      shape = null;
      return this;
    }

    /** Half-width of the random input's range (default 1). */
    public LayerCheck scale(double s) {
      scale = s;
      return this;
    }

    public LayerCheck mode(Mode m) {
      mode = m;
      return this;
    }

    /**
     * Runs before every forward, e.g. re-seeding a dropout or rrelu layer so that each evaluation of the
     * objective draws the same mask or slopes.
     */
    public LayerCheck beforeForward(Runnable r) {
      beforeForward = Objects.requireNonNull(r);
      return this;
    }

    /** Runs the check; throws {@link AssertionError} naming the seed if any tensor fails. */
    public Report run() {
      SplittableRandom rng = new SplittableRandom(seed);
      Tensor x = input != null ? input.copy() : uniform(shape, scale, rng);
      Tensor x0 = x.copy();
      beforeForward.run();
      Tensor y = layer.forward(x, mode);
      requireUnchanged(x0, x, "forward modified its input");
      Tensor u = uniform(y.shape(), 1, rng);
      Tensor u0 = u.copy();
      List<Parameter> params = layer.parameters();
      float[][] prefill = new float[params.size()][];
      for (int k = 0; k < params.size(); k++) {
        prefill[k] = uniform(params.get(k).grad().shape(), 1, rng).data();
        System.arraycopy(prefill[k], 0, params.get(k).grad().data(), 0, prefill[k].length);
      }
      Tensor dx = layer.backward(u);
      requireUnchanged(u0, u, "backward modified its upstream gradient");
      if (!dx.sameShape(x)) {
        throw new AssertionError("backward returned " + dx + " for input " + x + " (seed " + seed + ")");
      }
      List<Result> results = new ArrayList<>();
      DoubleSupplier objective = () -> {
        beforeForward.run();
        return dot(layer.forward(x, mode), u);
      };
      results.add(compare("input", x.data(), widen(dx.data()), objective));
      for (int k = 0; k < params.size(); k++) {
        Parameter p = params.get(k);
        double[] g = new double[p.size()];
        for (int i = 0; i < g.length; i++) {
          g[i] = (double) p.grad().data()[i] - prefill[k][i];
        }
        results.add(compare(p.name(), p.value().data(), g, objective));
      }
      return finish(results, layer.describe() + " in " + mode);
    }
  }

  /** Gradient check of a loss with respect to its output argument. */
  public static final class LossCheck extends Settings<LossCheck> {
    private final Loss loss;
    private final Tensor output;
    private final Tensor target;

    LossCheck(Loss loss, Tensor output, Tensor target) {
      this.loss = Objects.requireNonNull(loss);
      this.output = output.copy();
      this.target = target.copy();
    }

    @Override
    LossCheck self() {
      return this;
    }

    public Report run() {
      Tensor o0 = output.copy();
      Tensor t0 = target.copy();
      loss.forward(output, target);
      requireUnchanged(o0, output, "loss forward modified its output argument");
      requireUnchanged(t0, target, "loss forward modified its target");
      Tensor g = loss.backward();
      if (!g.sameShape(output)) {
        throw new AssertionError("loss backward returned " + g + " for output " + output);
      }
      Result r = compare("output", output.data(), widen(g.data()), () -> loss.forward(output, target));
      return finish(List.of(r), loss.name());
    }
  }

  /** A tensor of the given shape, uniform in [−scale, scale]. */
  public static Tensor uniform(int[] shape, double scale, SplittableRandom rng) {
    Tensor t = new Tensor(shape);
    float[] d = t.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rng.nextDouble(-scale, scale);
    }
    return t;
  }

  static double dot(Tensor a, Tensor b) {
    if (!a.sameShape(b)) {
      throw new AssertionError("output shape changed between calls: " + a + " vs " + b);
    }
    double s = 0;
    float[] x = a.data();
    float[] y = b.data();
    for (int i = 0; i < x.length; i++) {
      s += (double) x[i] * y[i];
    }
    return s;
  }

  private static double[] widen(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void requireUnchanged(Tensor before, Tensor after, String what) {
    if (!before.sameShape(after) || !Arrays.equals(before.data(), after.data())) {
      throw new AssertionError(what);
    }
  }
}
