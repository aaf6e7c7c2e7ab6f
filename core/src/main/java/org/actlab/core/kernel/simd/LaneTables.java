package org.actlab.core.kernel.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-interval polynomials picked lane by lane with a permute ({@code selectFrom}): a table holds coefficient k of
 * every interval in one 16-lane vector (or two, for 32 entries), so each lane gets its own interval's polynomial
 * for one permute per coefficient, where a blend chain or a gather would cost far more. The tables are generated
 * by {@code tools/lane_tables.py} (GeluTables, MishTables, TanhshrinkTables); they need {@link #SUPPORTED} 16-lane
 * float vectors.
 *
 * <p>The permutes run on the tables' bits in int lanes, for two reasons measured in the compiled loops. An int
 * array is never stored to by a float kernel, so C2 loads the table rows once, before the loop, where from a
 * float array (which the loop's stores might alias) it reloaded all of them for every vector. And the index is
 * the low bits of {@code a + 1.5·2²³}, which already holds rint(a) there, where a float index went through Java's
 * float-to-int conversion (a convert and about eight instructions fixing NaN and overflow lanes) for each vector.
 * 1M floats, five alternating pairs of JVMs, medians: gelu forward 1,120 → 1,550 and backward 1,008 → 1,280,
 * tanhshrink 1,280 → 1,706 and 1,258 → 1,911 Melem/s; the same bits (hashed over 4M floats in [−20, 20] and the
 * special values). mish and softplus keep the float index, see {@link #nearest}.
 */
final class LaneTables {

  static final boolean SUPPORTED = Lanes.F.length() == 16;
  private static final int WIDTH = 16;
  private static final float ROUND_F = 0x1.8p23f;
  private static final VectorSpecies<Integer> I = IntVector.SPECIES_512;

  private LaneTables() {}

  /** The raw bits of a generated float table, the form {@link #poly16} and {@link #poly32} read. */
  static int[] bits(float[] table) {
    int[] b = new int[table.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Float.floatToRawIntBits(table[i]);
    }
    return b;
  }

  /**
   * {@code a + 1.5·2²³} for 0 ≤ a &lt; 2²², whose low bits are rint(a) (its ulp is 1): {@link #entry} reads them as
   * the interval index of {@code [n − 1/2, n + 1/2]} and {@link #unrounded} gives n as a float, both exact.
   */
  static FloatVector rounded(FloatVector a) {
    return a.add(ROUND_F);
  }

  /** rint(a) as a float, from {@link #rounded}. */
  static FloatVector unrounded(FloatVector k) {
    return k.sub(ROUND_F);
  }

  /** The table index in the low bits of k (the permutes use the low four, or five for 32 entries). */
  static IntVector entry(FloatVector k) {
    return k.reinterpretAsInts();
  }

  /** The degree-{@code degree} polynomial of entry {@code entry} mod 16 of a 16-entry table of bits, at t. */
  static FloatVector poly16(int[] table, int degree, IntVector entry, FloatVector t) {
    FloatVector r = select16(table, degree, entry);
    for (int k = degree - 1; k >= 0; k--) {
      r = r.fma(t, select16(table, k, entry));
    }
    return r;
  }

  /** As {@link #poly16} for a 32-entry table (entries mod 32; two vectors per coefficient). */
  static FloatVector poly32(int[] table, int degree, IntVector entry, FloatVector t) {
    FloatVector r = select32(table, degree, entry);
    for (int k = degree - 1; k >= 0; k--) {
      r = r.fma(t, select32(table, k, entry));
    }
    return r;
  }

  /**
   * rint(a) for 0 ≤ a &lt; 2²², exact, as a float, for the float-index permutes below: the forms whose compiled
   * loops are within a few hundred nodes of C2's inlining cutoff keep them (mish both ways, softplus and
   * logsigmoid forward: with the int index, whose reinterpretation alone costs about 1,200 nodes, a helper was
   * cut off and the loop boxed, in the default profile or with {@code -XX:PerMethodTrapLimit=0}).
   */
  static FloatVector nearest(FloatVector a) {
    return a.add(ROUND_F).sub(ROUND_F);
  }

  /** As {@link #poly32(int[], int, IntVector, FloatVector)} from a float table and a float index. */
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

  private static FloatVector select16(int[] table, int k, IntVector entry) {
    return entry.selectFrom(IntVector.fromArray(I, table, WIDTH * k)).reinterpretAsFloats();
  }

  private static FloatVector select32(int[] table, int k, IntVector entry) {
    int at = 2 * WIDTH * k;
    IntVector low = IntVector.fromArray(I, table, at);
    return entry.selectFrom(low, IntVector.fromArray(I, table, at + WIDTH)).reinterpretAsFloats();
  }
}
