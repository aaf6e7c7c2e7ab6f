package org.actlab.core.kernel.simd;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

/**
 * Asks HotSpot's C2 to inline the vector helpers ({@code V*} classes, {@link LaneTables}, the forms) into the
 * kernel loops of this package, whatever the profile says. Why: C2 inlines a callee above 35 bytecodes only at
 * a call site it counts as frequent, call-site count over the caller's invocations since the JVM started. Our
 * helpers are called once per vector, tens of thousands of times per kernel call, and while the JIT is busy
 * (a full {@code actlab bench}, a training run compiling many kernels) HotSpot can run them for a long time in
 * tier-2 code, which counts invocations but not call sites. The ratio then falls below C2's threshold, the helper
 * stays a call, every vector it passes is boxed, and the kernel runs 5–10× slower until the JVM exits (measured:
 * silu' at 152 Melem/s instead of ~1,400 in one full bench run of three). A compiler directive, the documented
 * runtime form of {@code -XX:CompileCommand}, removes that dependence on timing.
 *
 * <p>Installed once, on a daemon thread, through the JVM's DiagnosticCommand MBean ({@code jcmd
 * Compiler.directives_add}); it matches only methods of this package, so other code compiles as before. Loading
 * the management beans takes ~0.25 s, hence the thread, started when the forms load; {@link #status()} waits for
 * it, and {@code SimdKernels.kernel} calls that before it hands out a kernel, so that no loop can be compiled
 * before the directive is in place. {@code
 * -Dactlab.jit.inline=off} skips it; a JVM without the {@code jdk.management} module runs without it.
 */
final class JitInlining {

  /**
   * Methods compiled in this package get these callees inlined (class patterns as in -XX:CompileCommand), and
   * not FormLoops' methods for arrays shorter than a vector ({@code *Masked}), nor its {@code *Pass} methods: the
   * root-series pass of the double backward for forms that keep their root series apart, the block loop that
   * runs both of its passes, and the two passes of a two-pass double forward. Inlined, they would spend the loop
   * method's node budget.
   */
  static final String DIRECTIVE = """
      [{
        match: ["org/actlab/core/kernel/simd/*.*"],
        c2: {
          inline: ["+org/actlab/core/kernel/simd/V*.*", "+org/actlab/core/kernel/simd/LaneTables.*",
                   "+org/actlab/core/kernel/simd/form/*.*", "+org/actlab/core/kernel/simd/RootSeriesForm.*",
                   "-org/actlab/core/kernel/simd/FormLoops*.*Masked",
                   "-org/actlab/core/kernel/simd/FormLoops*.*Pass"]
        }
      }]
      """;

  private static CompletableFuture<String> pending;

  private JitInlining() {}

  /** Starts the installation on a daemon thread, once (SimdKernels calls this when first loaded). */
  static synchronized CompletableFuture<String> start() {
    if (pending == null) {
      String skip = skipReason(System.getProperty("actlab.jit.inline"));
      if (skip != null) {
        pending = CompletableFuture.completedFuture(skip);
      } else {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(install()), "actlab-jit-inlining");
        t.setDaemon(true);
        t.start();
        pending = f;
      }
    }
    return pending;
  }

  /** Null when {@code -Dactlab.jit.inline} (null when unset) asks for the directive, else the status to report. */
  static String skipReason(String property) {
    String mode = property == null ? "on" : property.trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "on" -> null;
      case "off" -> "C2 inlining directive off (-Dactlab.jit.inline=off)";
      default -> "C2 inlining directive not installed (-Dactlab.jit.inline must be on or off, got '" + mode + "')";
    };
  }

  /** What became of the directive: waits up to 10 s for the installation to finish. */
  static String status() {
    try {
      return start().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "C2 inlining directive not installed (" + e + ")";
    }
  }

  private static String install() {
    Path file = null;
    try {
      file = Files.createTempFile("actlab-jit-", ".json");
      Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
      Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
          new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
      String text = String.valueOf(reply).trim();
      return text.contains("added") ? "C2 inlining directive installed"
          : "C2 inlining directive not installed (the JVM replied: " + text + ")";
    } catch (Throwable e) { // no jdk.management module, not HotSpot, or no temporary directory: run without it
      return "C2 inlining directive not installed (" + e + ")";
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (Exception ignored) {
          // a leftover file in the temporary directory is harmless
        }
      }
    }
  }
}
