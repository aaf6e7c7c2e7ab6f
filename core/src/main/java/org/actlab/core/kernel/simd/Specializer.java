package org.actlab.core.kernel.simd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives each vector form its own copy of the {@link FormLoops} bytecode: a hidden class defined from the
 * template's class file with the form as class data. The JIT profiles and compiles each copy separately, so the
 * form's methods inline into its own loops (see FormLoops for why that matters). One copy per form id, cached.
 */
final class Specializer {

  private static final byte[] TEMPLATE = template();
  private static final ConcurrentHashMap<String, Loops> CACHE = new ConcurrentHashMap<>();

  private Specializer() {}

  static Loops loops(VectorForm form) {
    Loops cached = CACHE.get(form.id()); // first, as SimdKernel asks on every call of a form with regimes, and
    if (cached != null) {                // computeIfAbsent's lambda, capturing form, is an allocation each time
      return cached;
    }
    return CACHE.computeIfAbsent(form.id(), id -> new LoopHandles(define(form)));
  }

  private static Loops define(VectorForm form) {
    try {
      MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, form, true);
      return (Loops) copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable t) {
      throw new IllegalStateException("cannot specialise the SIMD loops for " + form.id(), t);
    }
  }

  private static byte[] template() {
    // by resource name, so that the template class itself is never initialised (it has no class data)
    try (InputStream in = Specializer.class.getResourceAsStream("FormLoops.class")) {
      if (in == null) {
        throw new IllegalStateException("FormLoops.class not found next to Specializer");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the SIMD loop template", e);
    }
  }
}
