package org.actlab.nn.init;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.actlab.nn.Initializer;

/**
 * Initializers by name, for the CLI: {@code create("kaiming_normal", "leaky_relu", Map.of("negative_slope", 0.2))}.
 *
 * <p>{@code params} holds the initializer's own options and, for the gain, the activation's parameters; a key
 * that is neither is an error listing both. Options (PyTorch's names and defaults): constant {@code val}
 * (required); normal {@code mean=0, std=1}; uniform {@code a=0, b=1}; xavier_*, kaiming_*, orthogonal
 * {@code gain} (default {@link Gain#of} the activation); siren {@code w0=30, first_layer=0} (a 0/1 switch).
 * zeros and lecun_normal take none. The gain is used by xavier, kaiming and orthogonal; lecun_normal has gain 1 by
 * definition, and siren its own scheme.
 */
public final class Initializers {

  private static final Map<String, Map<String, Double>> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("zeros", opts());
    OPTIONS.put("constant", opts("val", Double.NaN));
    OPTIONS.put("normal", opts("mean", 0.0, "std", 1.0));
    OPTIONS.put("uniform", opts("a", 0.0, "b", 1.0));
    OPTIONS.put("xavier_normal", opts("gain", Double.NaN));
    OPTIONS.put("xavier_uniform", opts("gain", Double.NaN));
    OPTIONS.put("kaiming_normal", opts("gain", Double.NaN));
    OPTIONS.put("kaiming_uniform", opts("gain", Double.NaN));
    OPTIONS.put("lecun_normal", opts());
    OPTIONS.put("orthogonal", opts("gain", Double.NaN));
    OPTIONS.put("siren", opts("w0", 30.0, "first_layer", 0.0));
  }

  private Initializers() {}

  /** An ordered options table from alternating names and defaults (NaN: required or derived). */
  private static Map<String, Double> opts(Object... nameValue) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], (Double) nameValue[i + 1]);
    }
    return m;
  }

  /** {@link #create(String, FanMode, String, Map)} with fan_in, PyTorch's default mode. */
  public static Initializer create(String name, String activation, Map<String, Double> params) {
    return create(name, FanMode.FAN_IN, activation, params);
  }

  /**
   * A new initializer.
   *
   * @param mode       fan_in or fan_out, used by the kaiming initializers only
   * @param activation the activation that follows the layer (catalog name), for the gain
   * @throws IllegalArgumentException for an unknown name (listing the valid ones), an unknown option, a missing
   *                                  required option, or an invalid value
   */
  public static Initializer create(String name, FanMode mode, String activation, Map<String, Double> params) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "_");
    Map<String, Double> defaults = OPTIONS.get(key);
    if (defaults == null) {
      throw new IllegalArgumentException("unknown initializer '" + name + "'; valid names are "
          + String.join(", ", OPTIONS.keySet()));
    }
    Map<String, Double> own = new HashMap<>(defaults);
    Map<String, Double> act = new HashMap<>();
    params.forEach((k, v) -> (defaults.containsKey(k) ? own : act).put(k, v));
    if (!act.isEmpty() && !usesGain(key)) {
      throw new IllegalArgumentException(key + " has no option " + act.keySet()
          + (defaults.isEmpty() ? " (it takes none)" : "; its options are " + String.join(", ", defaults.keySet())));
    }
    double gain = !own.containsKey("gain") ? 1 : Double.isNaN(own.get("gain")) ? Gain.of(activation, act)
        : checkedGain(own.get("gain"), activation, act);
    return switch (key) {
      case "zeros" -> Constant.zeros();
      case "constant" -> new Constant(required(own, "constant", "val"));
      case "normal" -> new Normal(own.get("mean"), own.get("std"));
      case "uniform" -> new Uniform(own.get("a"), own.get("b"));
      case "xavier_normal" -> Xavier.normal(gain);
      case "xavier_uniform" -> Xavier.uniform(gain);
      case "kaiming_normal" -> Kaiming.normal(mode, gain);
      case "kaiming_uniform" -> Kaiming.uniform(mode, gain);
      case "lecun_normal" -> new LecunNormal();
      case "orthogonal" -> new Orthogonal(gain);
      default -> new Siren(flag(own.get("first_layer")), own.get("w0"));
    };
  }

  /** The valid names, in a fixed order. */
  public static Set<String> names() {
    return OPTIONS.keySet();
  }

  private static boolean usesGain(String key) {
    return OPTIONS.get(key).containsKey("gain");
  }

  /** An explicit gain still validates the activation's parameters, so typos are not silently ignored. */
  private static double checkedGain(double gain, String activation, Map<String, Double> act) {
    Gain.of(activation, act);
    return gain;
  }

  private static double required(Map<String, Double> own, String who, String option) {
    double v = own.get(option);
    if (Double.isNaN(v)) {
      throw new IllegalArgumentException(who + " needs the option '" + option + "'");
    }
    return v;
  }

  private static boolean flag(double v) {
    if (v != 0 && v != 1) {
      throw new IllegalArgumentException("siren: first_layer is a switch, give 0 or 1 (got " + v + ")");
    }
    return v == 1;
  }
}
