package org.actlab.core.kernel;

import java.util.Arrays;

/**
 * The parameters of an array call: one vector shared by every element, or one vector per channel (PReLU's
 * per-channel {@code weight}, Snake's per-channel {@code alpha}, RReLU's per-element training slopes).
 *
 * <p>Layout follows PyTorch's NCHW convention: element {@code i} of a call (counted from the call's offset)
 * belongs to channel {@code (i / inner) % channels}, where {@code inner} is the product of the dimensions after
 * the channel axis (H·W for images, 1 for a [batch, features] matrix). Values are copied on construction, so a
 * block never aliases a caller's buffer.
 */
public final class ParamBlock {

  private final double[][] byChannel;
  private final int inner;

  private ParamBlock(double[][] byChannel, int inner) {
    this.byChannel = byChannel;
    this.inner = inner;
  }

  /** One parameter vector for every element. */
  public static ParamBlock shared(double[] p) {
    return new ParamBlock(new double[][] {p.clone()}, 1);
  }

  /**
   * One parameter vector per channel.
   *
   * @param values   {@code channels × width} values, channel-major
   * @param width    parameters per channel (the function's parameter count)
   * @param channels number of channels
   * @param inner    elements per channel between channel steps (H·W, or 1)
   */
  public static ParamBlock perChannel(double[] values, int width, int channels, int inner) {
    if (width < 0 || channels < 1 || inner < 1 || values.length != width * channels) {
      throw new IllegalArgumentException("per-channel parameters need channels*width = " + channels + "*" + width
          + " values, got " + values.length + " (inner=" + inner + ")");
    }
    double[][] rows = new double[channels][];
    for (int c = 0; c < channels; c++) {
      rows[c] = Arrays.copyOfRange(values, c * width, (c + 1) * width);
    }
    return new ParamBlock(rows, inner);
  }

  /** True if one parameter vector serves every element (the SIMD kernels' fast path). */
  public boolean isShared() {
    return byChannel.length == 1;
  }

  public int channels() {
    return byChannel.length;
  }

  public int inner() {
    return inner;
  }

  public int width() {
    return byChannel[0].length;
  }

  /** Channel of element {@code i} of a call. */
  public int channelOf(int i) {
    return byChannel.length == 1 ? 0 : (i / inner) % byChannel.length;
  }

  /** The parameter vector of channel {@code c}. Callers must not modify it. */
  double[] channel(int c) {
    return byChannel[c];
  }

  /** A copy of channel {@code c}'s parameters. */
  public double[] values(int c) {
    return byChannel[c].clone();
  }
}
