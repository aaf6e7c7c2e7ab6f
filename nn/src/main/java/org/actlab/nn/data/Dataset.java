package org.actlab.nn.data;

import java.util.Arrays;

import org.actlab.nn.Tensor;

/**
 * A train/test pair ready for the trainer. Inputs have the batch axis first and one sample's shape after it
 * ({@code [N, 1, 28, 28]} for MNIST so that convolutions apply; dense models flatten). Classification targets are
 * class indices stored as floats in {@code [N]}; regression targets are {@code [N, outputs]}.
 *
 * @param classes number of classes, or 0 for a regression set
 */
public record Dataset(String name, String description, Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest,
                      int classes) {

  public Dataset {
    if (xTrain.dim(0) != yTrain.dim(0) || xTest.dim(0) != yTest.dim(0)) {
      throw new IllegalArgumentException("inputs and targets differ in sample count");
    }
    if (!Arrays.equals(sampleShapeOf(xTrain), sampleShapeOf(xTest))) {
      throw new IllegalArgumentException("train and test samples differ in shape");
    }
  }

  public boolean classification() {
    return classes > 0;
  }

  /** One input sample's shape (no batch axis). */
  public int[] sampleShape() {
    return sampleShapeOf(xTrain);
  }

  /** Outputs the model must produce: the class count, or the width of a regression target. */
  public int outputs() {
    return classification() ? classes : yTrain.stride0();
  }

  public int trainSize() {
    return xTrain.dim(0);
  }

  public int testSize() {
    return xTest.dim(0);
  }

  private static int[] sampleShapeOf(Tensor t) {
    return Arrays.copyOfRange(t.shape(), 1, t.rank());
  }
}
