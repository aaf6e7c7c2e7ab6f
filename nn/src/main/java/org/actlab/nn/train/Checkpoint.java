package org.actlab.nn.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.actlab.nn.Parameter;
import org.actlab.nn.Tensor;

/**
 * Everything needed to resume training bit for bit or to evaluate: the model spec and the caller's settings
 * ({@code meta}, e.g. data set, activation, initializer, optimizer), parameters in model order with their names,
 * layer buffers ({@link org.actlab.nn.Buffered}), optimizer state and learning rate, and progress (epoch,
 * step). The random state is the seed plus the epoch, because every random stream is derived from them
 * ({@link Seeds}).
 * Saved and loaded by {@link Checkpoints}.
 */
public record Checkpoint(String spec, Map<String, String> meta, int epoch, long step, long seed, double baseRate,
                         double learningRate, Map<String, Tensor> parameters, Map<String, Tensor> buffers,
                         Map<String, Tensor> optimizerState, String optimizer) {

  public Checkpoint {
    meta = Map.copyOf(meta);
  }

  /** A snapshot (copies) of the trainer's model, optimizer and progress. */
  public static Checkpoint of(Trainer t, Map<String, String> meta) {
    Map<String, Tensor> params = new LinkedHashMap<>();
    for (Parameter p : t.model().parameters()) {
      if (params.put(p.name(), p.value().copy()) != null) {
        throw new CheckpointException("the model has two parameters named '" + p.name() + "'; a checkpoint needs "
            + "unique names");
      }
    }
    return new Checkpoint(t.model().spec(), new TreeMap<>(meta), t.epoch(), t.step(), t.config().seed(),
        t.baseRate(), t.optimizer().learningRate(), params, t.model().buffers(),
        new TreeMap<>(t.optimizer().state()), t.optimizer().describe());
  }

  /**
   * Copies this checkpoint into the trainer: parameters (matched by position, name and shape), buffers,
   * optimizer state, learning rate and progress.
   *
   * @throws CheckpointException if the model or the seed does not match
   */
  public void restore(Trainer t) {
    if (!t.model().spec().equals(spec)) {
      throw new CheckpointException("checkpoint is for model '" + spec + "', not '" + t.model().spec() + "'");
    }
    if (t.config().seed() != seed) {
      throw new CheckpointException("checkpoint was trained with seed " + seed + "; resume with the same seed");
    }
    List<Parameter> ps = t.model().parameters();
    List<Map.Entry<String, Tensor>> saved = new ArrayList<>(parameters.entrySet());
    if (saved.size() != ps.size()) {
      throw new CheckpointException("checkpoint has " + saved.size() + " parameter tensors, the model "
          + ps.size());
    }
    for (int i = 0; i < ps.size(); i++) {
      Parameter p = ps.get(i);
      Tensor v = saved.get(i).getValue();
      if (!saved.get(i).getKey().equals(p.name()) || !v.sameShape(p.value())) {
        throw new CheckpointException("parameter " + i + " is '" + saved.get(i).getKey() + "' "
            + Arrays.toString(v.shape()) + " in the checkpoint but '" + p.name() + "' "
            + Arrays.toString(p.value().shape()) + " in the model");
      }
    }
    for (int i = 0; i < ps.size(); i++) {
      float[] src = saved.get(i).getValue().data();
      System.arraycopy(src, 0, ps.get(i).value().data(), 0, src.length);
    }
    try {
      t.model().loadBuffers(buffers);
      t.optimizer().reset();
      t.optimizer().loadState(optimizerState);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("checkpoint does not fit the model or optimizer: " + e.getMessage(), e);
    }
    t.optimizer().setLearningRate(learningRate);
    t.restoreProgress(epoch, step);
  }
}
