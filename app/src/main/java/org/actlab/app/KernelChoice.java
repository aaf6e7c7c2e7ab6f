package org.actlab.app;

import org.actlab.core.kernel.KernelProvider;

/** {@code eval --kernel}: which kernel computes elementwise functions. */
public enum KernelChoice {
  /** SIMD where a kernel exists, else the scalar kernel, silently. */
  AUTO(KernelProvider.Mode.AUTO),
  /** Always the scalar reference kernel. */
  SCALAR(KernelProvider.Mode.OFF),
  /** A SIMD kernel or an error. */
  SIMD(KernelProvider.Mode.FORCE);

  private final KernelProvider.Mode mode;

  KernelChoice(KernelProvider.Mode mode) {
    this.mode = mode;
  }

  public KernelProvider.Mode mode() {
    return mode;
  }
}
