package org.actlab.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.actlab.nn.Tensor;

/**
 * The named data sets. Every set is a deterministic function of its name, seed and options.
 *
 * <ul>
 *   <li>{@code mnist10k}: 10,000 real MNIST digits (shipped), [N,1,28,28] in [0,1]; options train=8000,
 *       test=2000, stratify=true (each class gets its share of both parts).</li>
 *   <li>{@code digits}: the UCI 8×8 digits (1,797, shipped), [N,1,8,8], 0–16 scaled to [0,1]; train=1437,
 *       test=360, stratify=true.</li>
 *   <li>{@code xor}, {@code circles}, {@code moons}, {@code spirals}, {@code blobs}: 2-D classification,
 *       options n=1000 (total), test=0.2 (fraction), noise, and classes for spirals (3) and blobs (3).</li>
 *   <li>{@code sincos}: the notes' regression, x ~ N(0, I) with features=10, target sin(x0)+cos(x1);
 *       n=1000, test=0.2, noise=0.</li>
 *   <li>{@code periodic}: sin(x)+0.5·sin(3x); train on x in [0, 4π), test on [4π, 6π) (extrapolation);
 *       train=800, test=200, noise=0.</li>
 *   <li>{@code csv:PATH}: a numeric CSV file, label in the last column; options header=false, test=0.2,
 *       label=-1 (column), classes (inferred).</li>
 *   <li>{@code idx:IMAGES,LABELS}: a pair of IDX files (e.g. the full MNIST), images scaled to [0,1] as
 *       [N,1,rows,cols]; options test=0.2 (fraction), classes (inferred), stratify=true.</li>
 * </ul>
 */
public final class Datasets {

  @FunctionalInterface
  private interface Loader {
    Dataset load(String name, SplittableRandom rng, Options o);
  }

  private static final Map<String, Loader> LOADERS = new LinkedHashMap<>();

  static {
    LOADERS.put("mnist10k", Datasets::mnist);
    LOADERS.put("digits", Datasets::digits);
    LOADERS.put("xor", (n, r, o) -> toy(n, o, 2, 0.0, (k, c, z) -> Synthetic.xor(k, z, r), r));
    LOADERS.put("circles", (n, r, o) -> {
      double factor = o.real("factor", 0.5, 0, 1);
      return toy(n, o, 2, 0.1, (k, c, z) -> Synthetic.circles(k, z, factor, r), r);
    });
    LOADERS.put("moons", (n, r, o) -> toy(n, o, 2, 0.1, (k, c, z) -> Synthetic.moons(k, z, r), r));
    LOADERS.put("spirals", (n, r, o) -> toy(n, o, o.integer("classes", 3, 2), 0.2,
        (k, c, z) -> Synthetic.spirals(k, c, z, r), r));
    LOADERS.put("blobs", (n, r, o) -> toy(n, o, o.integer("classes", 3, 2), 1.0,
        (k, c, z) -> Synthetic.blobs(k, c, z, r), r));
    LOADERS.put("sincos", Datasets::sincos);
    LOADERS.put("periodic", Datasets::periodic);
  }

  private Datasets() {}

  /** Valid names (a {@code csv:PATH} name is also accepted). */
  public static List<String> names() {
    return List.copyOf(LOADERS.keySet());
  }

  /**
   * Loads (or generates) the named data set.
   *
   * @throws DataException for an unknown name or option, or an unreadable or corrupt file
   */
  public static Dataset load(String name, long seed, Map<String, String> options) {
    SplittableRandom rng = new SplittableRandom(seed);
    if (name.startsWith("csv:") || name.startsWith("idx:")) {
      Options o = new Options(name, options);
      Dataset d = name.startsWith("csv:") ? FileDatasets.csv(name, Path.of(name.substring(4)), rng, o)
          : FileDatasets.idx(name, rng, o);
      o.checkAllKnown();
      return d;
    }
    Loader l = LOADERS.get(name);
    if (l == null) {
      throw new DataException("unknown data set '" + name + "'; valid: " + String.join(", ", names())
          + ", csv:PATH, idx:IMAGES,LABELS");
    }
    Options o = new Options(name, options);
    Dataset d = l.load(name, rng, o);
    o.checkAllKnown();
    return d;
  }

  private static Dataset mnist(String name, SplittableRandom rng, Options o) {
    Idx.Array images = idx("mnist10k-images-idx3-ubyte.gz", Idx.IMAGES);
    Idx.Array labels = idx("mnist10k-labels-idx1-ubyte.gz", Idx.LABELS);
    int n = labels.dims()[0];
    if (images.dims()[0] != n || images.dims()[1] != 28 || images.dims()[2] != 28) {
      throw new DataException("built-in MNIST files disagree on their dimensions (broken build?)");
    }
    float[] x = new float[images.values().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = images.unsigned(i) / 255f;
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = labels.unsigned(i);
    }
    return real(name, "10,000 MNIST digits, 28×28 grey in [0,1]", x, y, 10, new int[] {1, 28, 28}, 8000, 2000,
        rng, o);
  }

  private static Dataset digits(String name, SplittableRandom rng, Options o) {
    Csv.Table t;
    try (InputStream in = Sources.resource("uci-digits-8x8.csv.gz")) {
      t = Csv.read(in, new Csv.Options(-1, false, 10), "built-in uci-digits-8x8.csv.gz");
    } catch (IOException e) {
      throw new DataException("cannot read built-in uci-digits-8x8.csv.gz: " + e.getMessage(), e);
    }
    float[] x = t.features();
    for (int i = 0; i < x.length; i++) {
      x[i] /= 16f;
    }
    return real(name, "UCI 8×8 handwritten digits, 0–16 scaled to [0,1]", x, t.labels(), 10, new int[] {1, 8, 8},
        1437, 360, rng, o);
  }

  private static Idx.Array idx(String resource, int magic) {
    try (InputStream in = Sources.resource(resource)) {
      return Idx.read(in, magic, "built-in " + resource);
    } catch (IOException e) {
      throw new DataException("cannot read built-in " + resource + ": " + e.getMessage(), e);
    }
  }

  private static Dataset real(String name, String what, float[] x, int[] y, int classes, int[] shape, int train,
                              int test, SplittableRandom rng, Options o) {
    int n = y.length;
    int te = o.integer("test", test, 1);
    int tr = o.integer("train", Math.min(train, n - te), 1);
    if (tr + te > n) {
      throw new DataException(name + ": train=" + tr + " plus test=" + te + " exceeds the " + n + " samples");
    }
    Splits.Split s = o.flag("stratify", true) ? Splits.stratified(y, classes, tr, te, rng)
        : Splits.random(n, tr, te, rng);
    return assemble(name, what, x, y, classes, shape, s);
  }

  @FunctionalInterface
  private interface Generator {
    Synthetic.Samples generate(int n, int classes, double noise);
  }

  private static Dataset toy(String name, Options o, int classes, double noise, Generator g, SplittableRandom rng) {
    int n = o.integer("n", 1000, 2 * classes);
    double z = o.real("noise", noise, 0, 10);
    int test = (int) Math.round(n * o.real("test", 0.2, 0.01, 0.9));
    Synthetic.Samples s = g.generate(n, classes, z);
    Splits.Split split = Splits.stratified(s.labels(), classes, n - test, test, rng);
    String what = name + ": " + classes + " classes, " + n + " points in 2-D, noise " + z;
    return assemble(name, what, s.x(), s.labels(), classes, new int[] {2}, split);
  }

  private static Dataset sincos(String name, SplittableRandom rng, Options o) {
    int n = o.integer("n", 1000, 2);
    int f = o.integer("features", 10, 2);
    double z = o.real("noise", 0, 0, 10);
    int test = (int) Math.round(n * o.real("test", 0.2, 0.01, 0.9));
    Synthetic.Samples s = Synthetic.sincos(n, f, z, rng);
    Splits.Split split = Splits.random(n, n - test, test, rng);
    return regression(name, "sin(x0)+cos(x1), x ~ N(0, I) in " + f + "-D, noise " + z, s, split);
  }

  private static Dataset periodic(String name, SplittableRandom rng, Options o) {
    int train = o.integer("train", 800, 1);
    int test = o.integer("test", 200, 1);
    double z = o.real("noise", 0, 0, 10);
    Synthetic.Samples a = Synthetic.periodic(train, 0, 4 * Math.PI, z, rng);
    Synthetic.Samples b = Synthetic.periodic(test, 4 * Math.PI, 6 * Math.PI, z, rng);
    float[] x = concat(a.x(), b.x());
    float[] v = concat(a.values(), b.values());
    int[] tr = range(0, train);
    int[] te = range(train, train + test);
    Synthetic.Samples s = new Synthetic.Samples(x, 1, null, v);
    return regression(name, "sin(x)+0.5·sin(3x): train on [0, 4π), test on [4π, 6π), noise " + z, s,
        new Splits.Split(tr, te));
  }

  private static Dataset regression(String name, String what, Synthetic.Samples s, Splits.Split split) {
    int f = s.features();
    return new Dataset(name, what, gather(s.x(), f, split.train(), f), gather(s.values(), 1, split.train(), 1),
        gather(s.x(), f, split.test(), f), gather(s.values(), 1, split.test(), 1), 0);
  }

  static Dataset assemble(String name, String what, float[] x, int[] y, int classes, int[] shape,
                                  Splits.Split s) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    return new Dataset(name, what, gather(x, size, s.train(), shape), labels(y, s.train()),
        gather(x, size, s.test(), shape), labels(y, s.test()), classes);
  }

  /** The samples at {@code idx} (each {@code size} floats) as a tensor [idx.length, shape...]. */
  private static Tensor gather(float[] x, int size, int[] idx, int... shape) {
    int[] full = new int[shape.length + 1];
    full[0] = idx.length;
    System.arraycopy(shape, 0, full, 1, shape.length);
    Tensor t = new Tensor(full);
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(x, idx[i] * size, t.data(), i * size, size);
    }
    return t;
  }

  private static Tensor labels(int[] y, int[] idx) {
    Tensor t = new Tensor(idx.length);
    for (int i = 0; i < idx.length; i++) {
      t.data()[i] = y[idx[i]];
    }
    return t;
  }

  private static float[] concat(float[] a, float[] b) {
    float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
