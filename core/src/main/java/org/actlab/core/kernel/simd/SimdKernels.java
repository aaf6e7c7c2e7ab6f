package org.actlab.core.kernel.simd;

import java.util.LinkedHashMap;
import java.util.Map;

import org.actlab.core.activation.Activation;
import org.actlab.core.kernel.simd.form.*;

/**
 * The vector forms, one line each (like the catalog). Only ever loaded by {@code KernelProvider} after it has
 * checked that {@code jdk.incubator.vector} is present, so a JVM without the module never touches this class.
 */
public final class SimdKernels {

  private static final Map<String, VectorForm> FORMS = new LinkedHashMap<>();

  static {
    // Piecewise and polynomial forms (exact in float lanes)
    add(new ReluForm());
    add(new IdentityForm());
    add(new Relu6Form());
    add(new LeakyReluForm());
    add(new PreluForm());
    add(new RreluForm());
    add(new ThresholdForm());
    add(new HeavisideForm());
    add(new HardtanhForm());
    add(new HardshrinkForm());
    add(new SoftshrinkForm());
    add(new SquaredReluForm());
    add(new ThresholdedReluForm());
    add(new HardsigmoidForm());
    add(new HardswishForm());
    add(new SparsePlusForm());
    add(new SparseSigmoidForm());
    add(new CubeForm());

    // Exponential- and logarithm-based forms
    add(new SigmoidForm());
    add(new EluForm());
    add(new CeluForm());
    add(new SeluForm());
    add(new SoftplusForm());
    add(new SquareplusForm());
    add(new TanhForm());
    add(new SoftsignForm());
    add(new LogsigmoidForm());
    add(new TanhshrinkForm());
    add(new ScaledTanhForm());
    add(new RectifiedTanhForm());
    add(new IsruForm());
    add(new BentIdentityForm());
    add(new SiluForm());
    add(new SwishForm());
    add(new AdaptiveSwishForm());
    add(new MishForm());
    add(new QuickGeluForm());
    add(new TanhexpForm());
    add(new ExponentialForm());
    add(new QuadraticSoftplusForm());

    // Rational forms
    add(new RationalTanhForm());

    // erf-based and periodic forms
    add(new GeluForm());
    add(new GeluTanhForm());
    add(new SerfForm());
    add(new SineForm());
    add(new SnakeForm());

    JitInlining.start(); // early, so that loading the management beans overlaps with the caller's own work
  }

  private SimdKernels() {}

  private static void add(VectorForm f) {
    if (FORMS.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("two vector forms for " + f.id());
    }
  }

  /** Set once the first {@link #kernel} call has waited for the directive, installed or not (timed out, failed). */
  private static volatile boolean directiveSettled;

  /**
   * The SIMD kernel for {@code fn}, or null if it has no vector form. The first call waits for the JIT inlining
   * directive (at most 10 s, ~0.25 s of CPU once): a kernel loop that C2 compiles before the directive is in place
   * can keep its helpers as calls, boxing every vector for as long as the JVM lives (with the installation held
   * back by one to six seconds, silu's float kernels allocated 2.9 and 4.1 MB per call of 65,541 elements after
   * 60 rounds of warm-up), and no kernel runs before one is returned here. Later calls do not wait, even when the
   * first one gave up.
   */
  public static SimdKernel kernel(Activation fn) {
    if (!directiveSettled) {
      JitInlining.status();
      directiveSettled = true;
    }
    VectorForm f = FORMS.get(fn.spec().id());
    return f == null ? null : new SimdKernel(fn, f);
  }

  /** Ids that have a vector form, in registration order. */
  public static Iterable<String> ids() {
    return FORMS.keySet();
  }

  /** Shape of the vectors in use, for logs and benchmark headers. */
  public static String lanes() {
    return Lanes.describe();
  }

  /** Whether the JIT inlining directive is in place ({@link JitInlining}); waits for its installation. */
  public static String jitStatus() {
    return JitInlining.status();
  }
}
