package org.actlab.nn.optim;

/**
 * Step decay, PyTorch's {@code torch.optim.lr_scheduler.StepLR}: {@code lr = base·gamma^⌊epoch/step_size⌋}
 * (https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html). PyTorch's default
 * {@code gamma=0.1}; {@code step_size} has no default there and none here.
 */
public record StepLr(int stepSize, double gamma) implements LrSchedule {

  public StepLr {
    if (stepSize < 1) {
      throw new IllegalArgumentException("step_lr: step_size must be >= 1 epoch (got " + stepSize + ")");
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("step_lr: gamma must be in (0, 1] (got " + gamma + ")");
    }
  }

  public StepLr(int stepSize) {
    this(stepSize, 0.1);
  }

  @Override
  public double lr(double baseLr, int epoch) {
    LrSchedule.checkEpoch(epoch);
    return baseLr * Math.pow(gamma, epoch / stepSize);
  }

  @Override
  public String describe() {
    return "step_lr(step_size=" + stepSize + ", gamma=" + Hyper.fmt(gamma) + ")";
  }
}
