package org.actlab.core.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class JitInliningTest {

  @Test
  void theDirectiveIsInstalledAndTheJvmHoldsItsPatterns() throws Exception {
    assumeTrue(JitInlining.skipReason(System.getProperty("actlab.jit.inline")) == null,
        "-Dactlab.jit.inline switches the directive off in this run");
    assertEquals("C2 inlining directive installed", JitInlining.status());
    String printed = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    for (String pattern : new String[] {"org/actlab/core/kernel/simd/V*", "org/actlab/core/kernel/simd/LaneTables",
        "org/actlab/core/kernel/simd/form/*", "org/actlab/core/kernel/simd/FormLoops*"}) {
      assertTrue(printed.contains(pattern), () -> pattern + " missing from the JVM's directives:\n" + printed);
    }
  }

  @Test
  void thePropertyIsOnOrOffAndAnythingElseIsReported() {
    assertNull(JitInlining.skipReason(null));
    assertNull(JitInlining.skipReason(" ON "));
    assertTrue(JitInlining.skipReason("off").contains("off (-Dactlab.jit.inline=off)"));
    String bad = JitInlining.skipReason("sometimes");
    assertTrue(bad.contains("must be on or off, got 'sometimes'"), bad);
  }
}
