package org.actlab.nn.init;

/**
 * Which fan a variance-scaling initializer normalises by (PyTorch's {@code mode}): fan_in keeps the forward
 * signal's variance, fan_out the backward gradient's variance (He et al. 2015, §2.2).
 */
public enum FanMode {
  FAN_IN,
  FAN_OUT;

  /** The chosen fan, checked to be at least 1. */
  int of(String who, int fanIn, int fanOut) {
    int fan = this == FAN_IN ? fanIn : fanOut;
    if (fan < 1) {
      throw new IllegalArgumentException(who + ": " + id() + " must be >= 1 (got " + fan + ")");
    }
    return fan;
  }

  /** {@code fan_in} or {@code fan_out}, as PyTorch spells it. */
  public String id() {
    return this == FAN_IN ? "fan_in" : "fan_out";
  }

  /** Parses {@code fan_in}/{@code fan_out} (case and {@code -}/{@code _} do not matter). */
  public static FanMode parse(String s) {
    String k = s.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
    return switch (k) {
      case "fanin" -> FAN_IN;
      case "fanout" -> FAN_OUT;
      default -> throw new IllegalArgumentException("unknown fan mode '" + s + "'; use fan_in or fan_out");
    };
  }
}
