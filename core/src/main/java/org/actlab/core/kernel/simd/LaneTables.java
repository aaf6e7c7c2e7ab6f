package org.actlab.core.kernel.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Per-interval polynomials picked lane by lane with a permute ({@code selectFrom}): a table holds coefficient k of
 * every interval in one 16-lane vector (or two, for 32 entries), so each lane gets its own interval's polynomial
 * for one permute per coefficient, where a blend chain or a gather would cost far more. The tables are generated
 * by {@code tools/lane_tables.py} (GeluTables, MishTables); they need {@link #SUPPORTED} 16-lane float vectors.
 */
final class LaneTables {

  static final boolean SUPPORTED = Lanes.F.length() == 16;
  private static final int WIDTH = 16;
  private static final float ROUND_F = 0x1.8p23f;

  private LaneTables() {}

  /** rint(a) for 0 ≤ a &lt; 2²², exact, as a float: the interval index of {@code [n − 1/2, n + 1/2]}. */
  static FloatVector nearest(FloatVector a) {
    return a.add(ROUND_F).sub(ROUND_F);
  }

  /** The degree-{@code degree} polynomial of entry {@code entry} (0..15) of a 16-entry table, at t. */
  static FloatVector poly16(float[] table, int degree, FloatVector entry, FloatVector t) {
    FloatVector r = entry.selectFrom(FloatVector.fromArray(Lanes.F, table, degree * WIDTH));
    for (int k = degree - 1; k >= 0; k--) {
      r = r.fma(t, entry.selectFrom(FloatVector.fromArray(Lanes.F, table, k * WIDTH)));
    }
    return r;
  }

  /** As {@link #poly16} for a 32-entry table (entries 0..31; two vectors per coefficient). */
  static FloatVector poly32(float[] table, int degree, FloatVector entry, FloatVector t) {
    FloatVector r = select32(table, degree, entry);
    for (int k = degree - 1; k >= 0; k--) {
      r = r.fma(t, select32(table, k, entry));
    }
    return r;
  }

  private static FloatVector select32(float[] table, int k, FloatVector entry) {
    int at = 2 * WIDTH * k;
    FloatVector low = FloatVector.fromArray(Lanes.F, table, at);
    return entry.selectFrom(low, FloatVector.fromArray(Lanes.F, table, at + WIDTH));
  }
}
