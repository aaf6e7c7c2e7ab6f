package org.actlab.nn;

/**
 * A trainable tensor and its gradient, with a name unique within a model ({@code "2.dense.weight"}) so that
 * checkpoints and optimizer state can refer to it. Layers add into {@link #grad()} in backward; the trainer
 * zeroes it before each step.
 */
public final class Parameter {

  private final String name;
  private final Tensor value;
  private final Tensor grad;

  public Parameter(String name, int... shape) {
    this.name = name;
    this.value = new Tensor(shape);
    this.grad = new Tensor(shape);
  }

  public String name() {
    return name;
  }

  public Tensor value() {
    return value;
  }

  public Tensor grad() {
    return grad;
  }

  public void zeroGrad() {
    grad.fill(0f);
  }

  public int size() {
    return value.size();
  }
}
