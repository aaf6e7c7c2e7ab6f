package org.actlab.nn.optim;

/**
 * Cosine annealing, PyTorch's {@code torch.optim.lr_scheduler.CosineAnnealingLR} in its closed form
 * (https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html; Loshchilov &amp;
 * Hutter, "SGDR", ICLR 2017): {@code lr = eta_min + (base − eta_min)·(1 + cos(π·epoch/T_max))/2}.
 *
 * <p>The rate reaches eta_min at epoch T_max. Like PyTorch's formula, it does not stop there: past T_max the
 * cosine rises again towards the base rate (period 2·T_max), so set T_max to the number of epochs. PyTorch's
 * default {@code eta_min=0}.
 */
public record CosineLr(int tMax, double etaMin) implements LrSchedule {

  public CosineLr {
    if (tMax < 1) {
      throw new IllegalArgumentException("cosine_lr: T_max must be >= 1 epoch (got " + tMax + ")");
    }
    if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
      throw new IllegalArgumentException("cosine_lr: eta_min must be a finite number >= 0 (got " + etaMin + ")");
    }
  }

  public CosineLr(int tMax) {
    this(tMax, 0);
  }

  /**
   * @throws IllegalArgumentException if eta_min exceeds the base rate
   */
  @Override
  public double lr(double baseLr, int epoch) {
    LrSchedule.checkEpoch(epoch);
    if (etaMin > baseLr) {
      throw new IllegalArgumentException("cosine_lr: eta_min " + etaMin + " exceeds the base rate " + baseLr);
    }
    return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
  }

  @Override
  public String describe() {
    return "cosine_lr(T_max=" + tMax + ", eta_min=" + Hyper.fmt(etaMin) + ")";
  }
}
