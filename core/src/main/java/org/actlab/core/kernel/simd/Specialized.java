package org.actlab.core.kernel.simd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of {@link FormLoops} per vector form, as a hidden class whose class data is the form: each copy has
 * its own JIT profile and a constant form, so the form's vector code is inlined into its loops (see FormLoops for
 * the measurement that motivated it). Copies are made once per form instance and cached.
 */
final class Specialized {

  private static final byte[] BYTES = read();
  private static final Map<VectorForm, Loops> CACHE = new ConcurrentHashMap<>();

  private Specialized() {}

  /** The loops for {@code form}, defined on first use. */
  static Loops of(VectorForm form) {
    return CACHE.computeIfAbsent(form, Specialized::define);
  }

  private static Loops define(VectorForm form) {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClassWithClassData(BYTES, form, true);
      return (Loops) l.findConstructor(l.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable t) {
      throw new IllegalStateException("cannot specialise the SIMD loops for " + form.id(), t);
    }
  }

  private static byte[] read() {
    try (InputStream in = FormLoops.class.getResourceAsStream("FormLoops.class")) {
      if (in == null) {
        throw new IllegalStateException("FormLoops.class not found next to " + Specialized.class.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read FormLoops.class", e);
    }
  }
}
