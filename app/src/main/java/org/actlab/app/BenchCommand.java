package org.actlab.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;
import org.actlab.core.kernel.Kernel;
import org.actlab.core.kernel.KernelProvider;
import org.actlab.core.kernel.ParamBlock;
import org.actlab.core.kernel.approx.ApproxKernel;
import org.actlab.core.kernel.approx.Approximations;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code actlab bench}: float32 or float64 throughput of the kernels, forward and backward, against copy bandwidth. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Measure float32 (or, with --dtype float64, float64) throughput (millions of elements per "
        + "second) of elementwise kernels, forward (y = f(x)) and backward (dx = dy*f'(x)), with preallocated "
        + "buffers: warm-up, then the median of " + Timing.REPS + " timed repetitions (about 0.3 s per "
        + "measurement). The machine's copy bandwidth (System.arraycopy of the same sizes, measured before "
        + "every function and after the last, about 0.1 s each; the median of these) is printed as the memory "
        + "roofline. Progress goes to stderr. Numbers are only comparable within one run."})
final class BenchCommand implements Callable<Integer> {

  /** Which kernels {@code --kernel} measures. */
  enum Which { SIMD, SCALAR, ALL }

  /** The element type of {@code --dtype}, named as PyTorch names it. */
  enum Dtype {
    FLOAT32, FLOAT64;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "NAMES", arity = "0..*",
      description = "Elementwise catalog functions (default: all of them).")
  private List<String> names = new ArrayList<>();

  @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]",
      description = "Array lengths in elements (default: ${DEFAULT-VALUE}).", defaultValue = "4096,1048576,16777216")
  private List<Integer> sizes;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Threads per call, splitting the array in contiguous chunks (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(names = "--kernel", paramLabel = "K", defaultValue = "simd",
      description = "simd (the provider's choice: SIMD where a vector form exists), scalar, or all (default: "
          + "${DEFAULT-VALUE}).", converter = WhichConverter.class)
  private Which which;

  @Option(names = "--dtype", paramLabel = "T", defaultValue = "float32", converter = DtypeConverter.class,
      description = "Element type of the arrays: float32 or float64 (default: ${DEFAULT-VALUE}).")
  private Dtype dtype;

  @Option(names = "--json", description = "Print one JSON object {copy, results[, approx]} instead of tables.")
  private boolean json;

  @Option(names = "--approx", description = "Also measure the approximate variants (tanh~rational, "
      + "sigmoid~rational, <fn>~int8): max error on the benchmark inputs against speed.")
  private boolean approx;

  /** Budget per measurement; tests lower it with -Dactlab.bench.nanos. */
  private static long budget() {
    return Long.getLong("actlab.bench.nanos", 300_000_000L);
  }

  @Override
  public Integer call() {
    List<Activation> fns = functions();
    if (threads < 1 || threads > 1024) {
      throw new CliException("--threads must be between 1 and 1024 (got " + threads + ")");
    }
    for (int n : sizes) {
      if (n < 1) {
        throw new CliException("--sizes must be positive element counts (got " + n + ")");
      }
    }
    if (approx && dtype != Dtype.FLOAT32) {
      throw new CliException("--approx measures float32 variants; it cannot be combined with --dtype "
          + dtype.label());
    }
    List<KernelProvider.Mode> modes = switch (which) {
      case SIMD -> List.of(KernelProvider.Mode.AUTO);
      case SCALAR -> List.of(KernelProvider.Mode.OFF);
      case ALL -> List.of(KernelProvider.Mode.AUTO, KernelProvider.Mode.OFF);
    };
    List<ApproxKernel> approxes = approx ? Approximations.featured() : List.of();
    int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    BenchRun run = new BenchRun(max, dtype == Dtype.FLOAT64, new Timing(budget()), new Timing(budget() / 3));
    long steps = (long) sizes.size() * (1 + fns.size() * modes.size() + approxes.size());
    BenchReport report = new BenchReport(dtype.label());
    String status = KernelProvider.simdStatus(); // waits for the JIT inlining directive: asked before any timing
    Set<String> warmed = new HashSet<>(); // function/kernel pairs the JIT has compiled
    try (Threads pool = new Threads(threads); ProgressBar bar = progress(steps)) {
      for (int n : sizes) {
        // The roofline is sampled next to every function, not once: on a shared machine the bandwidth drifts
        // over a run. Single samples at 16M read 2,992-3,524 Melem/s in three runs while the cheap loops ran at
        // 1,785-2,753, yet a harness alternating System.arraycopy with relu's loop measured them within 7% of
        // each other (2,338-2,559 and 2,383-2,476): one sample made the share of copy a coin toss.
        List<Double> copies = new ArrayList<>();
        for (Activation fn : fns) {
          bar.setExtraMessage("copy n=" + n);
          copies.add(run.copy(n, pool));
          for (KernelProvider.Mode m : modes) {
            Kernel k = KernelProvider.kernel(fn, m);
            if (m == KernelProvider.Mode.OFF && which == Which.ALL && k.kind().equals("scalar")
                && KernelProvider.kernel(fn, KernelProvider.Mode.AUTO).kind().equals("scalar")) {
              bar.step(); // no vector form: the auto row already is the scalar kernel
              continue;
            }
            bar.setExtraMessage(fn.spec().id() + " " + k.kind() + " n=" + n);
            ParamBlock pb = ParamBlock.shared(fn.spec().defaults());
            if (warmed.add(fn.spec().id() + "/" + k.kind())) {
              run.warmJit(k, pb);
            }
            report.result(fn.spec().id(), n, threads, k.kind(), run.forward(k, pb, n, pool),
                run.backward(k, pb, n, pool));
            bar.step();
          }
        }
        for (ApproxKernel a : approxes) {
          bar.setExtraMessage(a.id() + " n=" + n);
          if (warmed.add(a.id() + "/approx")) {
            run.warmJit(a);
          }
          report.approx(a, n, run.forward(a, n, pool), run.backward(a, n, pool), run.error(a, n));
          bar.step();
        }
        bar.setExtraMessage("copy n=" + n);
        copies.add(run.copy(n, pool));
        report.copy(n, copies);
        bar.step();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, report.json());
    } else {
      report.print(out, status, threads);
    }
    out.flush();
    return 0;
  }

  private List<Activation> functions() {
    if (names.isEmpty()) {
      return Catalog.elementwise();
    }
    List<Activation> out = new ArrayList<>();
    for (String name : names) {
      Entry e = Lookup.entry(name);
      if (!(e instanceof Activation a)) {
        throw new CliException(name + " is a row function; bench measures elementwise functions");
      }
      out.add(a);
    }
    return out;
  }

  private ProgressBar progress(long steps) {
    return new ProgressBarBuilder().setTaskName("bench").setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200).continuousUpdate().build();
  }

  /** Case-insensitive {@code --kernel} values with a message listing them. */
  static final class WhichConverter extends EnumConverter<Which> {
    WhichConverter() {
      super(Which.class, "--kernel must be simd, scalar or all");
    }
  }

  /** Case-insensitive {@code --dtype} values with a message listing them. */
  static final class DtypeConverter extends EnumConverter<Dtype> {
    DtypeConverter() {
      super(Dtype.class, "--dtype must be float32 or float64");
    }
  }

  /** An enum option's value by its constant's name in any case; otherwise {@code rule}, naming what was given. */
  private abstract static class EnumConverter<E extends Enum<E>> implements picocli.CommandLine.ITypeConverter<E> {
    private final Class<E> type;
    private final String rule;

    EnumConverter(Class<E> type, String rule) {
      this.type = type;
      this.rule = rule;
    }

    @Override
    public E convert(String value) {
      try {
        return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(rule + " (got '" + value + "')");
      }
    }
  }

  /** Reproducible inputs shared by every measurement: uniform in [−6, 6], the range activations see. */
  static float[] inputs(int n) {
    SplittableRandom r = new SplittableRandom(42);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextDouble(-6, 6);
    }
    return x;
  }
}
