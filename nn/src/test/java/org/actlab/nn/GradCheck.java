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
 * difference {@code n} is compared with the analytic {@code a}: it passes if
 * {@code |a − n| ≤ tol·max(floor, |a|, |n|)} (defaults 1e-2 and 1e-2, so an absolute 1e-4 for small gradients).
 *
 * <p>Kinks (relu at 0, max-pool ties, prelu) make the central difference meaningless when one lies within
 * {@code h}: there the one-sided differences disagree. A coordinate whose analytic value fails the central test
 * but lies between the two one-sided differences (widened by the tolerance) is counted as <em>tolerated</em>,
 * not failed; a smooth coordinate has nearly equal one-sided differences, so a wrong gradient still fails. The
 * check fails if more than the {@link #kinkBudget} fraction of a tensor's coordinates are tolerated, so a
 * systematic error cannot hide there.
 *
 * <p>Side checks: forward must not modify its input, backward must not modify its upstream gradient, and
 * backward must <em>add</em> into parameter gradients (they are pre-filled with random values, then subtracted).
 *
 * <p>Usage: {@code GradCheck.seed(7).layer(dense, 4, 3)} (random input of that shape) or
 * {@code GradCheck.seed(7).step(1e-3).layer(rnn, x)}, {@code GradCheck.seed(7).loss(mse, y, target)}. A failure
 * throws {@link AssertionError} naming the seed, the tensor, the worst coordinate and both values; success
 * returns the {@link Report}.
 */
public final class GradCheck {

  /** The outcome for one tensor (the input or a parameter). */
  public record Result(String tensor, int checked, int skipped, double worstError, int worstIndex,
                       double analytic, double numeric) {
    @Override
    public String toString() {
      return String.format("%s: worst rel err %.3g at index %d (analytic %.6g, numeric %.6g), %d checked, "
          + "%d tolerated at kinks", tensor, worstError, worstIndex, analytic, numeric, checked, skipped);
    }
  }

  /** All results of one run, with the seed that reproduces it. */
  public record Report(long seed, List<Result> results) {

    /** Coordinates checked over all tensors. */
    public int checked() {
      return results.stream().mapToInt(Result::checked).sum();
    }

    /** Coordinates tolerated as kinks over all tensors. */
    public int tolerated() {
      return results.stream().mapToInt(Result::skipped).sum();
    }

    /** The largest relative error among the coordinates not tolerated as kinks. */
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

  private final long seed;
  private double step = 1e-2;
  private double tol = 1e-2;
  private double floor = 1e-2;
  private double kinkBudget = 0.1;
  private Mode mode = Mode.TRAIN;
  private double scale = 1;
  private Runnable beforeForward = () -> {};

  private GradCheck(long seed) {
    this.seed = seed;
  }

  /** A check whose random input, upstream gradient and pre-filled gradients come from {@code seed}. */
  public static GradCheck seed(long seed) {
    return new GradCheck(seed);
  }

  /** Relative step: {@code h = step·max(1, |v|)} (default 1e-2). */
  public GradCheck step(double s) {
    step = s;
    return this;
  }

  /** Largest accepted relative error (default 1e-2). */
  public GradCheck tolerance(double relative) {
    tol = relative;
    return this;
  }

  /** {@code |a − n| ≤ max(absolute, relative·max(|a|, |n|))}: sets the tolerance and the floor together. */
  public GradCheck tolerance(double relative, double absolute) {
    tol = relative;
    floor = absolute / relative;
    return this;
  }

  /** Largest fraction of a tensor's coordinates that may be tolerated as kinks (default 0.1). */
  public GradCheck kinkBudget(double fraction) {
    kinkBudget = fraction;
    return this;
  }

  /** Mode of every forward (default TRAIN). */
  public GradCheck mode(Mode m) {
    mode = m;
    return this;
  }

  /** Half-width of the random input's range for {@link #layer(Layer, int...)} (default 1). */
  public GradCheck scale(double s) {
    scale = s;
    return this;
  }

  /**
   * Runs before every forward, e.g. re-seeding a dropout or rrelu layer so that each evaluation of the
   * objective draws the same mask or slopes.
   */
  public GradCheck beforeForward(Runnable r) {
    beforeForward = Objects.requireNonNull(r);
    return this;
  }

  /** Checks {@code layer} on a random input of {@code batchShape}, uniform in [−scale, scale]. */
  public Report layer(Layer layer, int... batchShape) {
    SplittableRandom rng = new SplittableRandom(seed);
    return run(layer, uniform(batchShape, scale, rng), rng);
  }

  /** Checks {@code layer} at {@code x} (copied; x itself is not touched). */
  public Report layer(Layer layer, Tensor x) {
    return run(layer, x.copy(), new SplittableRandom(seed));
  }

  private Report run(Layer layer, Tensor x, SplittableRandom rng) {
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

  /** Checks {@code loss.backward()} against differences of {@code loss.forward(output, target)}. */
  public Report loss(Loss loss, Tensor output, Tensor target) {
    Tensor out = output.copy();
    Tensor tgt = target.copy();
    loss.forward(out, tgt);
    requireUnchanged(output, out, "loss forward modified its output argument");
    requireUnchanged(target, tgt, "loss forward modified its target");
    Tensor g = loss.backward();
    if (!g.sameShape(out)) {
      throw new AssertionError("loss backward returned " + g + " for output " + out);
    }
    Result r = compare("output", out.data(), widen(g.data()), () -> loss.forward(out, tgt));
    return finish(List.of(r), loss.name());
  }

  private Result compare(String name, float[] values, double[] analytic, DoubleSupplier objective) {
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
  private final class Worst {
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

  private Report finish(List<Result> results, String what) {
    Report report = new Report(seed, List.copyOf(results));
    for (Result r : results) {
      boolean tooManySkipped = r.skipped() > kinkBudget * r.checked();
      if (!(r.worstError() <= tol) || tooManySkipped) {
        throw new AssertionError(what + " fails gradient check (tolerance " + tol + ", floor " + floor
            + ", kink budget " + kinkBudget + "): " + report);
      }
    }
    return report;
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
