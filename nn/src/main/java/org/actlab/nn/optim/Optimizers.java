package org.actlab.nn.optim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.actlab.nn.Optimizer;

/** Optimizers by name, for the CLI: {@code create("adam", Map.of("lr", 3e-4))}. */
public final class Optimizers {

  private record Kind(Map<String, Double> defaults, Function<Map<String, Double>, Optimizer> make) {}

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("sgd", new Kind(Sgd.DEFAULTS, Sgd::new));
    KINDS.put("momentum", new Kind(Momentum.DEFAULTS, Momentum::new));
    KINDS.put("nesterov", new Kind(Nesterov.DEFAULTS, Nesterov::new));
    KINDS.put("adagrad", new Kind(Adagrad.DEFAULTS, Adagrad::new));
    KINDS.put("rmsprop", new Kind(RmsProp.DEFAULTS, RmsProp::new));
    KINDS.put("adam", new Kind(Adam.DEFAULTS, Adam::new));
    KINDS.put("adamw", new Kind(AdamW.DEFAULTS, AdamW::new));
  }

  private Optimizers() {}

  /**
   * A new optimizer; case and {@code -}/{@code _} in the name do not matter ({@code AdamW}, {@code rms-prop}).
   *
   * @param options hyper-parameters by PyTorch name ({@code lr}, {@code weight_decay}, {@code beta1}, ...);
   *                missing ones take the optimizer's defaults
   * @throws IllegalArgumentException for an unknown name (listing the valid ones), an unknown option (listing
   *                                  the optimizer's options) or an out-of-range value
   */
  public static Optimizer create(String name, Map<String, Double> options) {
    Kind k = KINDS.get(key(name));
    if (k == null) {
      throw new IllegalArgumentException("unknown optimizer '" + name + "'; valid names are "
          + String.join(", ", KINDS.keySet()));
    }
    return k.make().apply(options);
  }

  /** The valid names, in a fixed order. */
  public static Iterable<String> names() {
    return KINDS.keySet();
  }

  /** An optimizer's options with their defaults, in order (for help texts). */
  public static Map<String, Double> defaults(String name) {
    create(name, Map.of());
    return KINDS.get(key(name)).defaults();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
