package org.actlab.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.actlab.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  /** Class counts of the shipped MNIST file (digits 0–9), from the data README. */
  private static final int[] MNIST_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

  @TempDir
  Path dir;

  private static int[] counts(Tensor y, int classes) {
    int[] c = new int[classes];
    for (float v : y.data()) {
      c[(int) v]++;
    }
    return c;
  }

  private static boolean sameData(Dataset a, Dataset b) {
    return Arrays.equals(a.xTrain().data(), b.xTrain().data()) && Arrays.equals(a.yTrain().data(), b.yTrain().data())
        && Arrays.equals(a.xTest().data(), b.xTest().data()) && Arrays.equals(a.yTest().data(), b.yTest().data());
  }

  @Test
  void mnistShapesRangeAndStratifiedBalance() {
    Dataset d = Datasets.load("mnist10k", 1, Map.of());
    assertArrayEquals(new int[] {8000, 1, 28, 28}, d.xTrain().shape());
    assertArrayEquals(new int[] {2000, 1, 28, 28}, d.xTest().shape());
    assertEquals(10, d.classes());
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : d.xTrain().data()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min);
    assertEquals(1f, max);
    int[] test = counts(d.yTest(), 10);
    int[] train = counts(d.yTrain(), 10);
    for (int c = 0; c < 10; c++) {
      assertTrue(Math.abs(test[c] - MNIST_COUNTS[c] * 0.2) <= 1, "class " + c + ": " + test[c]);
      assertEquals(MNIST_COUNTS[c], test[c] + train[c], "class " + c);
    }
    // Shuffled: the sorted file must not leave runs of one label at the start of the training set.
    long distinctFirst100 = java.util.stream.IntStream.range(0, 100).map(i -> (int) d.yTrain().data()[i]).distinct()
        .count();
    assertTrue(distinctFirst100 >= 8, "first 100 labels cover only " + distinctFirst100 + " classes");
  }

  @Test
  void mnistIsDeterministicPerSeedAndUnstratifiedIsRoughlyBalanced() {
    Dataset a = Datasets.load("mnist10k", 7, Map.of("train", "1000", "test", "500", "stratify", "false"));
    Dataset b = Datasets.load("mnist10k", 7, Map.of("train", "1000", "test", "500", "stratify", "false"));
    Dataset c = Datasets.load("mnist10k", 8, Map.of("train", "1000", "test", "500", "stratify", "false"));
    assertTrue(sameData(a, b));
    assertFalse(sameData(a, c));
    assertEquals(1000, a.trainSize());
    for (int n : counts(a.yTest(), 10)) {
      assertTrue(n > 20 && n < 85, "test class count " + n + " of 500");
    }
  }

  @Test
  void digitsShapesAndScaling() {
    Dataset d = Datasets.load("digits", 3, Map.of());
    assertArrayEquals(new int[] {1437, 1, 8, 8}, d.xTrain().shape());
    assertArrayEquals(new int[] {360, 1, 8, 8}, d.xTest().shape());
    double max = 0;
    for (float v : d.xTest().data()) {
      assertTrue(v >= 0 && v <= 1);
      max = Math.max(max, v);
    }
    assertEquals(1.0, max);
    assertTrue(sameData(d, Datasets.load("digits", 3, Map.of())));
  }

  @Test
  void syntheticSetsHaveSizesClassesAndDeterminism() {
    for (String name : new String[] {"xor", "circles", "moons", "spirals", "blobs"}) {
      Dataset d = Datasets.load(name, 5, Map.of("n", "300"));
      assertEquals(240, d.trainSize(), name);
      assertEquals(60, d.testSize(), name);
      assertArrayEquals(new int[] {2}, d.sampleShape(), name);
      int[] c = counts(d.yTest(), d.classes());
      assertTrue(Arrays.stream(c).max().getAsInt() - Arrays.stream(c).min().getAsInt() <= 1, name + Arrays.toString(c));
      assertTrue(sameData(d, Datasets.load(name, 5, Map.of("n", "300"))), name);
      assertFalse(sameData(d, Datasets.load(name, 6, Map.of("n", "300"))), name);
    }
    assertEquals(5, Datasets.load("spirals", 1, Map.of("classes", "5")).classes());
  }

  @Test
  void xorLabelsFollowTheSigns() {
    Dataset d = Datasets.load("xor", 2, Map.of());
    for (int i = 0; i < d.trainSize(); i++) {
      float a = d.xTrain().data()[2 * i];
      float b = d.xTrain().data()[2 * i + 1];
      assertEquals((a > 0) ^ (b > 0) ? 1f : 0f, d.yTrain().data()[i]);
    }
  }

  @Test
  void regressionSets() {
    Dataset s = Datasets.load("sincos", 4, Map.of());
    assertEquals(0, s.classes());
    assertArrayEquals(new int[] {800, 10}, s.xTrain().shape());
    assertArrayEquals(new int[] {800, 1}, s.yTrain().shape());
    for (int i = 0; i < 5; i++) {
      double want = Math.sin(s.xTrain().data()[i * 10]) + Math.cos(s.xTrain().data()[i * 10 + 1]);
      assertEquals(want, s.yTrain().data()[i], 1e-6);
    }
    Dataset p = Datasets.load("periodic", 4, Map.of());
    assertEquals(1, p.outputs());
    for (float x : p.xTrain().data()) {
      assertTrue(x >= 0 && x < 4 * Math.PI);
    }
    for (int i = 0; i < p.testSize(); i++) {
      float x = p.xTest().data()[i];
      assertTrue(x >= 4 * Math.PI && x < 6 * Math.PI + 1e-5);
      assertEquals(Synthetic.wave(x), p.yTest().data()[i], 1e-6);
    }
  }

  @Test
  void csvDataSet() throws IOException {
    StringBuilder sb = new StringBuilder("x,y,label\n");
    for (int i = 0; i < 50; i++) {
      sb.append(i).append(',').append(-i).append(',').append(i % 3).append('\n');
    }
    Path f = Files.writeString(dir.resolve("d.csv"), sb);
    Dataset d = Datasets.load("csv:" + f, 1, Map.of("header", "true"));
    assertEquals(40, d.trainSize());
    assertEquals(3, d.classes());
  }

  @Test
  void idxFileDataSet() throws IOException {
    byte[] pixels = new byte[20 * 3 * 2];
    byte[] labels = new byte[20];
    for (int i = 0; i < 20; i++) {
      labels[i] = (byte) (i % 4);
      pixels[6 * i] = (byte) 255;
    }
    Path img = Files.write(dir.resolve("img.gz"), IdxTest.gzip(IdxTest.idx(Idx.IMAGES, new int[] {20, 3, 2}, pixels)));
    Path lab = Files.write(dir.resolve("lab"), IdxTest.idx(Idx.LABELS, new int[] {20}, labels));
    Dataset d = Datasets.load("idx:" + img + "," + lab, 1, Map.of("test", "0.2"));
    assertArrayEquals(new int[] {16, 1, 3, 2}, d.xTrain().shape());
    assertEquals(4, d.classes());
    assertArrayEquals(new int[] {1, 1, 1, 1}, counts(d.yTest(), 4));
    assertEquals(1f, d.xTest().data()[0]);
    Path few = Files.write(dir.resolve("few"), IdxTest.idx(Idx.LABELS, new int[] {19}, new byte[19]));
    assertTrue(assertThrows(DataException.class, () -> Datasets.load("idx:" + img + "," + few, 1, Map.of()))
        .getMessage().contains("has 20 images but"));
    assertTrue(assertThrows(DataException.class, () -> Datasets.load("idx:" + img, 1, Map.of()))
        .getMessage().contains("write idx:IMAGES,LABELS"));
  }

  @Test
  void unknownNamesAndOptionsAreClearErrors() {
    String m = assertThrows(DataException.class, () -> Datasets.load("mnist", 1, Map.of())).getMessage();
    assertTrue(m.contains("unknown data set 'mnist'") && m.contains("mnist10k") && m.contains("periodic"), m);
    String o = assertThrows(DataException.class, () -> Datasets.load("xor", 1, Map.of("size", "3"))).getMessage();
    assertTrue(o.contains("unknown option 'size'") && o.contains("noise"), o);
    String v = assertThrows(DataException.class, () -> Datasets.load("moons", 1, Map.of("noise", "-1"))).getMessage();
    assertTrue(v.contains("noise='-1'"), v);
    String t = assertThrows(DataException.class,
        () -> Datasets.load("digits", 1, Map.of("train", "1500", "test", "360"))).getMessage();
    assertTrue(t.contains("exceeds the 1797 samples"), t);
    assertTrue(assertThrows(DataException.class, () -> Datasets.load("csv:" + dir.resolve("none.csv"), 1, Map.of()))
        .getMessage().contains("no such file"));
  }
}
