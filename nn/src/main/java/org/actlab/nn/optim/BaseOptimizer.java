package org.actlab.nn.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.actlab.nn.Optimizer;
import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/**
 * The state lifecycle shared by every optimizer (the {@link Optimizer} contract).
 *
 * <ul>
 *   <li>State is created lazily, per parameter name, on the first step that sees the parameter: one float32
 *       buffer per slot (PyTorch's names: {@code momentum_buffer}, {@code exp_avg}, {@code exp_avg_sq}, ...),
 *       zero-filled unless the optimizer says otherwise, and for optimizers that count steps a per-parameter
 *       step counter (PyTorch keeps {@code state['step']} per parameter too).</li>
 *   <li>{@link #state()} exports copies keyed {@code "<param name>/<slot>"}; the step counter is the slot
 *       {@code step}, a one-element tensor. {@link #loadState} checks the slot names (so state of another kind of
 *       optimizer is refused) and that every parameter has all slots, then replaces the state with copies.</li>
 *   <li>{@link #reset()} forgets everything; the learning rate and hyper-parameters are kept.</li>
 * </ul>
 *
 * <p>Arithmetic is per element in double, rounded to float32 when stored, in a fixed order: deterministic.
 * Gradients are read, never written (weight decay is added to a local copy, as PyTorch's
 * {@code grad.add(param, alpha=weight_decay)} makes a new tensor).
 */
public abstract class BaseOptimizer implements Optimizer {

  /** Step counters are exported as float32: exact up to 2^24. */
  private static final long MAX_EXACT_STEP = 1L << 24;

  private final String id;
  private double lr;
  private final Map<String, float[][]> slots = new HashMap<>();
  private final Map<String, Long> steps = new HashMap<>();

  protected BaseOptimizer(String id, double lr) {
    this.id = id;
    this.lr = Hyper.positive(id, "lr", lr);
  }

  /** Names of the per-parameter buffers, in a fixed order; empty for stateless optimizers. */
  protected abstract List<String> slotNames();

  /** Whether a per-parameter step counter is kept (bias correction, Adagrad's lr_decay). */
  protected boolean countsSteps() {
    return false;
  }

  /** Initial value of a fresh buffer (Adagrad's {@code initial_accumulator_value}); 0 otherwise. */
  protected float initialValue(String slot) {
    return 0f;
  }

  /**
   * Updates one parameter in place.
   *
   * @param w     the parameter's values (written)
   * @param g     its gradient (read only)
   * @param state this parameter's buffers, in {@link #slotNames()} order (written)
   * @param step  1 on the first step of this parameter, then 2, 3, ... (0 if steps are not counted)
   * @param fresh whether the buffers were created for this step (PyTorch's "buffer is None" branch)
   */
  protected abstract void update(float[] w, float[] g, float[][] state, long step, boolean fresh);

  /** Hyper-parameters after the learning rate, e.g. {@code ", betas=(0.9, 0.999), eps=1e-08"}. */
  protected abstract String describeRest();

  @Override
  public final void step(List<Parameter> params) {
    Set<String> seen = new HashSet<>();
    for (Parameter p : params) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(id + ": parameter name '" + p.name()
            + "' appears twice; optimizer state is keyed by name, so names must be unique");
      }
    }
    for (Parameter p : params) {
      boolean fresh = !slots.containsKey(p.name());
      float[][] s = fresh ? newSlots(p.size()) : checkedSlots(p);
      long t = 0;
      if (countsSteps()) {
        t = steps.getOrDefault(p.name(), 0L) + 1;
      }
      update(p.value().data(), p.grad().data(), s, t, fresh);
      if (fresh && !slotNames().isEmpty()) {
        slots.put(p.name(), s);
      }
      if (countsSteps()) {
        steps.put(p.name(), t);
      }
    }
  }

  private float[][] newSlots(int n) {
    List<String> names = slotNames();
    float[][] s = new float[names.size()][n];
    for (int k = 0; k < s.length; k++) {
      Arrays.fill(s[k], initialValue(names.get(k)));
    }
    return s;
  }

  private float[][] checkedSlots(Parameter p) {
    float[][] s = slots.get(p.name());
    for (int k = 0; k < s.length; k++) {
      if (s[k].length != p.size()) {
        throw new IllegalStateException(id + ": state '" + p.name() + "/" + slotNames().get(k) + "' has "
            + s[k].length + " elements but the parameter has " + p.size()
            + "; was the state loaded from another model?");
      }
    }
    return s;
  }

  @Override
  public final double learningRate() {
    return lr;
  }

  /** Accepts 0 as well as positive rates, so that a schedule may anneal to zero (construction needs lr &gt; 0). */
  @Override
  public final void setLearningRate(double lr) {
    if (!(lr >= 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException(id + ": lr must be a finite number >= 0 (got " + lr + ")");
    }
    this.lr = lr;
  }

  @Override
  public final void reset() {
    slots.clear();
    steps.clear();
  }

  @Override
  public final Map<String, Tensor> state() {
    Map<String, Tensor> out = new TreeMap<>();
    List<String> names = slotNames();
    slots.forEach((param, s) -> {
      for (int k = 0; k < s.length; k++) {
        out.put(param + "/" + names.get(k), Tensor.of(s[k], s[k].length));
      }
    });
    steps.forEach((param, t) -> {
      if (t > MAX_EXACT_STEP) {
        throw new IllegalStateException(id + ": step count " + t + " of '" + param
            + "' exceeds 2^24 and cannot be exported exactly as float32");
      }
      out.put(param + "/step", Tensor.of(new float[] {t}, 1));
    });
    return out;
  }

  @Override
  public final void loadState(Map<String, Tensor> state) {
    Map<String, float[][]> newSlots = new HashMap<>();
    Map<String, Long> newSteps = new HashMap<>();
    List<String> names = slotNames();
    for (Map.Entry<String, Tensor> e : state.entrySet()) {
      String key = e.getKey();
      int cut = key.lastIndexOf('/');
      String param = cut < 0 ? "" : key.substring(0, cut);
      String slot = key.substring(cut + 1);
      if (countsSteps() && slot.equals("step")) {
        newSteps.put(param, stepValue(key, e.getValue()));
      } else if (cut > 0 && names.contains(slot)) {
        newSlots.computeIfAbsent(param, k -> new float[names.size()][])[names.indexOf(slot)] =
            e.getValue().data().clone();
      } else {
        throw new IllegalArgumentException(id + ": unexpected state entry '" + key + "'; " + id
            + " keeps " + expectedSlots() + " per parameter (is this the state of another optimizer?)");
      }
    }
    checkComplete(newSlots, newSteps);
    slots.clear();
    slots.putAll(newSlots);
    steps.clear();
    steps.putAll(newSteps);
  }

  private long stepValue(String key, Tensor t) {
    float v = t.size() == 1 ? t.data()[0] : Float.NaN;
    if (!(v >= 1) || v != Math.rint(v)) {
      throw new IllegalArgumentException(id + ": state entry '" + key + "' must be one whole number >= 1");
    }
    return (long) v;
  }

  private void checkComplete(Map<String, float[][]> s, Map<String, Long> t) {
    Set<String> params = new HashSet<>(s.keySet());
    params.addAll(t.keySet());
    for (String p : params) {
      float[][] b = s.get(p);
      boolean ok = slotNames().isEmpty() || b != null && Arrays.stream(b).allMatch(x -> x != null);
      ok &= !countsSteps() || t.containsKey(p);
      if (ok && b != null) {
        ok = Arrays.stream(b).allMatch(x -> x.length == b[0].length);
      }
      if (!ok) {
        throw new IllegalArgumentException(id + ": incomplete or inconsistent state for parameter '" + p
            + "'; expected " + expectedSlots() + " of equal size");
      }
    }
  }

  private String expectedSlots() {
    List<String> all = new ArrayList<>(slotNames());
    if (countsSteps()) {
      all.add("step");
    }
    return all.isEmpty() ? "no state" : String.join(", ", all);
  }

  @Override
  public final String describe() {
    return id + "(lr=" + Hyper.fmt(lr) + describeRest() + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
