package org.actlab.app;

import java.util.Map;

import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.Entry;

/** Catalog lookups with the catalog's messages turned into user errors. */
final class Lookup {

  private Lookup() {}

  /** The entry named {@code name}; an unknown name fails with the catalog's suggestion. */
  static Entry entry(String name) {
    try {
      return Catalog.get(name);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Defaults overridden by {@code given}, range-checked and cross-checked by the entry. */
  static double[] params(Entry e, Map<String, Double> given) {
    try {
      return Catalog.params(e, given);
    } catch (IllegalArgumentException ex) {
      throw new CliException(ex.getMessage(), ex);
    }
  }
}
