package org.actlab.nn.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI factory: names, options, gains taken from the activation, messages. */
class InitializersTest {

  @Test
  void gainComesFromTheActivation() {
    assertEquals("kaiming_normal(fan_in, gain=1.414)", Initializers.create("kaiming_normal", "relu", Map.of()).describe());
    assertEquals("kaiming_uniform(fan_out, gain=1.387)",
        Initializers.create("kaiming_uniform", FanMode.FAN_OUT, "leaky_relu", Map.of("negative_slope", 0.2)).describe());
    assertEquals("xavier_normal(gain=1.667)", Initializers.create("xavier-normal", "tanh", Map.of()).describe());
    assertEquals("orthogonal(gain=0.5)", Initializers.create("orthogonal", "relu", Map.of("gain", 0.5)).describe());
  }

  @Test
  void ownOptions() {
    assertEquals("normal(mean=0, std=0.02)", Initializers.create("normal", "relu", Map.of("std", 0.02)).describe());
    assertEquals("uniform(a=-1, b=1)", Initializers.create("uniform", "relu", Map.of("a", -1.0)).describe());
    assertEquals("constant(0.1)", Initializers.create("constant", "relu", Map.of("val", 0.1)).describe());
    assertEquals("siren(first, w0=30)", Initializers.create("siren", "sine", Map.of("first_layer", 1.0)).describe());
    assertEquals("lecun_normal", Initializers.create("lecun_normal", "selu", Map.of()).describe());
    assertEquals("zeros", Initializers.create("zeros", "relu", Map.of()).describe());
  }

  @Test
  void errorsSayWhatToDo() {
    assertEquals("unknown initializer 'he'; valid names are zeros, constant, normal, uniform, xavier_normal, "
            + "xavier_uniform, kaiming_normal, kaiming_uniform, lecun_normal, orthogonal, siren",
        assertThrows(IllegalArgumentException.class, () -> Initializers.create("he", "relu", Map.of())).getMessage());
    assertEquals("constant needs the option 'val'",
        assertThrows(IllegalArgumentException.class, () -> Initializers.create("constant", "relu", Map.of()))
            .getMessage());
    assertEquals("normal has no option [sd]; its options are mean, std", assertThrows(IllegalArgumentException.class,
        () -> Initializers.create("normal", "relu", Map.of("sd", 1.0))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Initializers.create("normal", "relu", Map.of("std", -1.0)));
    assertThrows(IllegalArgumentException.class, () -> Initializers.create("uniform", "relu", Map.of("a", 2.0)));
    assertThrows(IllegalArgumentException.class,
        () -> Initializers.create("kaiming_normal", "relu", Map.of("negative_slope", 0.1)));
    assertThrows(IllegalArgumentException.class,
        () -> Initializers.create("xavier_normal", "relu", Map.of("gain", 1.0, "typo", 1.0)));
  }
}
