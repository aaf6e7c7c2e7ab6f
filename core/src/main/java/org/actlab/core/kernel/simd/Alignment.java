package org.actlab.core.kernel.simd;

/**
 * How many leading elements to peel so that the loops' full-vector stores start on a 64-byte boundary.
 *
 * <p>Why: a 512-bit store that straddles two cache lines costs about two. Java arrays start 16 bytes past
 * wherever the object lands, so unpeeled, every vector store of a large array straddled: relu at 1M floats ran at
 * 7,500 Melem/s from offset 0 and 9,400 from the first 64-byte boundary (same run, this machine).
 *
 * <p>Java has no public API for an array's address (passing it to native code through the FFM linker does
 * reveal it, but costs a restricted call, ~40 ns and an allocation per kernel call: tried and dropped). So we
 * assume element 0 sits 16 bytes past a 64-byte boundary, which holds for HotSpot's default G1 collector and
 * the arrays where alignment matters most: arrays of at least half a heap region (256K floats with 2 MB regions)
 * start on a region boundary, after the 16-byte array header. For other arrays the peel is as good as none.
 * The answer is only a speed hint: the peeled elements go through the same masked formula as the tail, so results
 * never depend on it.
 */
final class Alignment {

  static final int BYTES = 64;
  /** Below this many elements a peel does not pay. */
  static final int MIN_ELEMENTS = 8192;
  /** Where element 0 of a float[] or double[] sits relative to the object start: the array header. */
  private static final long ASSUMED_BASE = 16;

  private Alignment() {}

  /**
   * Elements from {@code off} (in elements of {@code elementBytes} each) before the assumed 64-byte boundary of
   * a float (4) or double (8) array; 0 when {@code n} is small.
   */
  static int head(int off, int n, int elementBytes) {
    if (n < MIN_ELEMENTS) {
      return 0;
    }
    long addr = ASSUMED_BASE + (long) elementBytes * off;
    return (int) (((BYTES - (addr & (BYTES - 1))) & (BYTES - 1)) / elementBytes);
  }
}
