package org.actlab.nn;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order that owns its buffer: no two tensors ever share one, so there is no
 * hidden aliasing. {@link #reshape} copies. Layers and kernels work on {@link #data()} directly for speed.
 */
public final class Tensor {

  private final int[] shape;
  private final float[] data;

  /** A zero tensor of the given shape. */
  public Tensor(int... shape) {
    this.shape = checked(shape);
    this.data = new float[count(this.shape)];
  }

  private Tensor(int[] shape, float[] data) {
    this.shape = shape;
    this.data = data;
  }

  /** A tensor holding a copy of {@code values}. */
  public static Tensor of(float[] values, int... shape) {
    int[] s = checked(shape);
    if (values.length != count(s)) {
      throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(s));
    }
    return new Tensor(s, values.clone());
  }

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int i) {
    return shape[i];
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /** Elements per index of the first axis (one sample's size when axis 0 is the batch). */
  public int stride0() {
    return shape.length == 0 ? 1 : data.length / Math.max(1, shape[0]);
  }

  /** This tensor's own buffer (row-major); writing to it changes the tensor. */
  public float[] data() {
    return data;
  }

  public Tensor copy() {
    return new Tensor(shape.clone(), data.clone());
  }

  /** A copy with another shape of the same size. */
  public Tensor reshape(int... newShape) {
    int[] s = checked(newShape);
    if (count(s) != data.length) {
      throw new IllegalArgumentException("cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(s));
    }
    return new Tensor(s, data.clone());
  }

  public float get(int... index) {
    return data[offset(index)];
  }

  public void set(float value, int... index) {
    data[offset(index)] = value;
  }

  public void fill(float v) {
    Arrays.fill(data, v);
  }

  public boolean sameShape(Tensor o) {
    return Arrays.equals(shape, o.shape);
  }

  /** Row-major offset of a full index, bounds-checked per axis. */
  public int offset(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index of rank " + index.length + " for tensor of rank " + shape.length);
    }
    int off = 0;
    for (int i = 0; i < shape.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + index[i] + " out of [0, " + shape[i] + ") on axis " + i);
      }
      off = off * shape[i] + index[i];
    }
    return off;
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }

  private static int[] checked(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
    }
    count(shape);
    return shape.clone();
  }

  private static int count(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("tensor too large: " + Arrays.toString(shape));
      }
    }
    return (int) n;
  }
}
