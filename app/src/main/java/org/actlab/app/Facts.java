package org.actlab.app;

import java.util.ArrayList;
import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.RowActivation;

/** Derived facts about a catalog entry that both the text and the JSON views show, computed generically. */
final class Facts {

  /** Points at which {@code show} evaluates elementwise functions. */
  static final double[] EXAMPLE_POINTS = {-3, -1, -0.5, 0, 0.5, 1, 3};

  /** The example row for row functions (even length, so GLUs accept it). */
  static final double[] EXAMPLE_ROW = {-1, 0, 1, 2};

  private Facts() {}

  /** "elementwise" or "row". */
  static String kind(Entry e) {
    return switch (e) {
      case Activation a -> "elementwise";
      case RowActivation r -> "row";
    };
  }

  static boolean monotonic(Entry e) {
    return e.spec().has(Property.MONOTONIC);
  }

  static boolean zeroCentred(Entry e) {
    return e.spec().has(Property.ZERO_CENTRED);
  }

  /** Learnable parameter names, comma-separated, or "-". */
  static String learnableText(Entry e) {
    List<String> names = e.spec().learnableParams();
    return names.isEmpty() ? "-" : String.join(",", names);
  }

  static List<Kink> kinksAtDefaults(Entry e) {
    return e.spec().kinksAt(e.spec().defaults());
  }

  /** One example {@code x, f(x), f'(x)} per example point, from the double reference at the defaults. */
  static List<double[]> examples(Activation a) {
    double[] p = a.spec().defaults();
    List<double[]> rows = new ArrayList<>();
    for (double x : EXAMPLE_POINTS) {
      double y = a.f(x, p);
      rows.add(new double[] {x, y, a.dfdx(x, y, p)});
    }
    return rows;
  }

  /** The example row's output at the defaults, from the double reference. */
  static double[] exampleRow(RowActivation r) {
    double[] p = r.spec().defaults();
    double[] y = new double[r.outputLength(EXAMPLE_ROW.length)];
    r.forward(EXAMPLE_ROW, 0, EXAMPLE_ROW.length, y, 0, p);
    return y;
  }

  static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
