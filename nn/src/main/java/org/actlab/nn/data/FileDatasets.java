package org.actlab.nn.data;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** The data sets read from user files: {@code csv:PATH} and {@code idx:IMAGES,LABELS} (see {@link Datasets}). */
final class FileDatasets {

  private FileDatasets() {}

  static Dataset csv(String name, Path file, SplittableRandom rng, Options o) {
    Csv.Options co = new Csv.Options(o.integer("label", -1, Integer.MIN_VALUE), o.flag("header", false),
        o.integer("classes", 0, 0));
    double testFraction = o.real("test", 0.2, 0.01, 0.9);
    Csv.Table t = Csv.read(file, co);
    int test = (int) Math.round(t.rows() * testFraction);
    Splits.Split s = Splits.random(t.rows(), t.rows() - test, test, rng);
    return Datasets.assemble(name, "CSV file " + file + " (" + t.rows() + " rows)", t.features(), t.labels(),
        t.classes(), new int[] {t.columns()}, s);
  }

  static Dataset idx(String name, SplittableRandom rng, Options o) {
    String[] files = name.substring(4).split(",", -1);
    if (files.length != 2 || files[0].isBlank() || files[1].isBlank()) {
      throw new DataException("'" + name + "': write idx:IMAGES,LABELS (two files separated by a comma)");
    }
    Idx.Array images = Idx.read(Path.of(files[0]), Idx.IMAGES);
    Idx.Array labels = Idx.read(Path.of(files[1]), Idx.LABELS);
    int n = labels.dims()[0];
    if (images.dims()[0] != n) {
      throw new DataException("'" + files[0] + "' has " + images.dims()[0] + " images but '" + files[1] + "' has "
          + n + " labels");
    }
    int[] y = new int[n];
    int max = 0;
    for (int i = 0; i < n; i++) {
      y[i] = labels.unsigned(i);
      max = Math.max(max, y[i]);
    }
    int classes = o.integer("classes", max + 1, 2);
    if (max >= classes) {
      throw new DataException("'" + files[1] + "': label " + max + " out of range for classes=" + classes);
    }
    float[] x = new float[images.values().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = images.unsigned(i) / 255f;
    }
    int test = (int) Math.round(n * o.real("test", 0.2, 0.01, 0.9));
    Splits.Split s = o.flag("stratify", true) ? Splits.stratified(y, classes, n - test, test, rng)
        : Splits.random(n, n - test, test, rng);
    return Datasets.assemble(name, n + " IDX images " + images.dims()[1] + "×" + images.dims()[2] + " in [0,1]", x, y,
        classes, new int[] {1, images.dims()[1], images.dims()[2]}, s);
  }
}
