package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.actlab.core.activation.Activation;
import org.actlab.core.activation.Catalog;
import org.actlab.core.activation.RowActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static final double[] XS = {-3, -1, -0.5, -0.0, 0, 1e-300, 0.5, 1, 3, 700};

  @TempDir
  Path dir;

  private static String row(double... v) {
    return String.join(" ", Arrays.stream(v).mapToObj(NumberText::format).toList());
  }

  private static double[] numbers(String text) {
    return Arrays.stream(text.trim().split(" ")).mapToDouble(NumberText::parseDouble).toArray();
  }

  @Test
  void relu() {
    Cli.Result r = Cli.withStdin("1 -2 0.5\n3\n", "eval", "relu");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("1.0 0.0 0.5\n3.0\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void elementwiseF64MatchesTheReferenceForEveryEntry() {
    int checked = 0;
    for (Activation a : Catalog.elementwise()) {
      double[] p = a.spec().defaults();
      Cli.Result r = Cli.withStdin(row(XS) + "\n", "eval", a.spec().id(), "--grad", "--kernel", "scalar");
      assertEquals(0, r.exit(), r::toString);
      String[] halves = r.lines().getFirst().split("\t");
      double[] y = numbers(halves[0]);
      double[] dx = numbers(halves[1]);
      for (int i = 0; i < XS.length; i++) {
        double f = a.f(XS[i], p);
        assertEquals(f, y[i], a.spec().id() + " at " + XS[i]);
        assertEquals(a.dfdx(XS[i], f, p), dx[i], a.spec().id() + "' at " + XS[i]);
      }
      checked++;
    }
    assertEquals(Catalog.elementwise().size(), checked);
  }

  @Test
  void elementwiseF32RoundsInputAndOutputToFloat() {
    for (Activation a : Catalog.elementwise()) {
      double[] p = a.spec().defaults();
      Cli.Result r = Cli.withStdin("0.1 -0.3 1e-5 2.5\n", "eval", a.spec().id(), "--dtype", "f32", "--grad",
          "--kernel", "scalar");
      assertEquals(0, r.exit(), r::toString);
      String[] halves = r.lines().getFirst().split("\t");
      String[] y = halves[0].split(" ");
      String[] dx = halves[1].split(" ");
      float[] xs = {0.1f, -0.3f, 1e-5f, 2.5f};
      for (int i = 0; i < xs.length; i++) {
        double f = a.f(xs[i], p);
        assertEquals(NumberText.format((float) f), y[i], a.spec().id());
        assertEquals(NumberText.format((float) a.dfdx(xs[i], f, p)), dx[i], a.spec().id());
      }
    }
  }

  @Test
  void f32PrintsShortestFloat() {
    Cli.Result r = Cli.withStdin("0.1 1e-5\n", "eval", "relu", "--dtype", "F32");
    assertEquals("0.1 1e-05\n", r.out(), r::toString);
    Cli.Result d = Cli.withStdin("0.1 1e-5\n", "eval", "relu");
    assertEquals("0.1 1e-05\n", d.out(), d::toString);
    Cli.Result s = Cli.withStdin("0.1\n", "eval", "sigmoid", "--dtype", "f32");
    assertEquals(NumberText.format((float) (1 / (1 + Math.exp(-(double) 0.1f)))) + "\n", s.out());
  }

  @Test
  void specialAndHexInput() {
    Cli.Result r = Cli.withStdin("nan NaN inf -INF +Infinity 0x1.8p1 0x10 -0x.8\n", "eval", "relu", "--grad");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("nan nan inf 0.0 inf 3.0 16.0 0.0\tnan nan 1.0 0.0 1.0 1.0 1.0 0.0\n", r.out());
  }

  @Test
  void blankLinesAreSkippedInInputAndUpstream() {
    Path up = Cli.write(dir, "up.txt", "\n2 3\n   \n4\n");
    Cli.Result r = Cli.withStdin("1 -1\n\n\t\n5\n", "eval", "relu", "--grad", "--upstream", up.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("1.0 0.0\t2.0 0.0\n5.0\t4.0\n", r.out());
  }

  @Test
  void gradientWithDefaultAndFileUpstream() {
    Cli.Result ones = Cli.withStdin("-1 2\n", "eval", "elu", "--grad");
    double e = Math.exp(-1);
    assertEquals(row(Math.expm1(-1), 2) + "\t" + row(e, 1) + "\n", ones.out(), ones::toString);
    Path up = Cli.write(dir, "up.txt", "3 -0.5\n");
    Cli.Result file = Cli.withStdin("-1 2\n", "eval", "elu", "--grad", "--upstream", up.toString());
    assertEquals(row(Math.expm1(-1), 2) + "\t" + row(3 * e, -0.5) + "\n", file.out(), file::toString);
  }

  @Test
  void parameterOverridesTheDefault() {
    Cli.Result r = Cli.withStdin("-1 1\n", "eval", "elu", "-p", "alpha=2", "--grad");
    assertEquals(row(2 * Math.expm1(-1), 1) + "\t" + row(2 * Math.exp(-1), 1) + "\n", r.out(), r::toString);
    Cli.Result hex = Cli.withStdin("-1\n", "eval", "elu", "--param", "alpha=0x1p1");
    assertEquals(row(2 * Math.expm1(-1)) + "\n", hex.out(), hex::toString);
  }

  @Test
  void rowFunctionAppliesToEachRow() {
    Cli.Result r = Cli.withStdin("0 0\n1 2 3\n", "eval", "softmax");
    assertEquals(0, r.exit(), r::toString);
    assertEquals("0.5 0.5", r.lines().get(0));
    RowActivation sm = (RowActivation) Catalog.get("softmax");
    double[] y = new double[3];
    sm.forward(new double[] {1, 2, 3}, 0, 3, y, 0, new double[0]);
    assertEquals(row(y), r.lines().get(1));
  }

  @Test
  void rowFunctionsMatchTheirReferenceWithUpstream() {
    double[] x = {-1, 0.5, 2, 7};
    double[] g = {1, -2, 0.25, 3};
    Path up = Cli.write(dir, "up.txt", row(g) + "\n");
    for (RowActivation fn : Catalog.rows()) {
      double[] p = fn.spec().defaults();
      double[] y = new double[fn.outputLength(x.length)];
      fn.forward(x, 0, x.length, y, 0, p);
      double[] dy = Arrays.copyOf(g, y.length);
      Path upstream = y.length == g.length ? up : Cli.write(dir, "up2.txt", row(dy) + "\n");
      double[] dx = new double[x.length];
      fn.backward(x, 0, x.length, dy, 0, dx, 0, p, new double[x.length]);
      Cli.Result r = Cli.withStdin(row(x) + "\n", "eval", fn.spec().id(), "--grad", "--upstream",
          upstream.toString());
      assertEquals(row(y) + "\t" + row(dx) + "\n", r.out(), r::toString);
    }
  }

  @Test
  void readsInputFile() {
    Path in = Cli.write(dir, "in.txt", "1 -2\n");
    Cli.Result r = Cli.run("eval", "relu", "--input", in.toString());
    assertEquals("1.0 0.0\n", r.out(), r::toString);
  }

  @Test
  void emptyInputGivesNoOutput() {
    Cli.Result r = Cli.withStdin("", "eval", "sigmoid", "--grad");
    assertEquals(0, r.exit());
    assertEquals("", r.out());
  }

  // ---- errors: exit 2, one line on stderr naming the problem, nothing on stdout

  private static void assertUsageError(Cli.Result r, String expected) {
    assertEquals(2, r.exit(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertTrue(r.err().contains(expected), () -> "expected '" + expected + "' in " + r.err());
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void unknownFunctionSuggestsTheClosestName() {
    Cli.Result r = Cli.withStdin("1\n", "eval", "sigmod");
    assertUsageError(r, "unknown function 'sigmod' (did you mean 'sigmoid'?)");
    assertEquals(1, r.err().lines().count());
  }

  @Test
  void unknownParameter() {
    assertUsageError(Cli.withStdin("1\n", "eval", "elu", "-p", "beta=1"), "elu has no parameter 'beta'");
    assertUsageError(Cli.withStdin("1\n", "eval", "relu", "-p", "beta=1"), "(it takes none)");
  }

  @Test
  void badParameterValue() {
    assertUsageError(Cli.withStdin("1\n", "eval", "elu", "-p", "alpha=two"), "parameter alpha: 'two' is not a number");
    assertUsageError(Cli.withStdin("1\n", "eval", "elu", "-p", "alpha=nan"), "parameter alpha must be a finite number");
    assertUsageError(Cli.withStdin("1\n", "eval", "elu", "-p", "alpha"), "KEY=VALUE");
  }

  @Test
  void badNumberNamesLineColumnAndToken() {
    Cli.Result r = Cli.withStdin("1 2\n\n3  4x 5\n", "eval", "relu");
    assertUsageError(r, "standard input, line 3, column 4: '4x' is not a number");
    Path in = Cli.write(dir, "in.txt", "0.5\n1,5\n");
    assertUsageError(Cli.run("eval", "relu", "--input", in.toString()),
        "input file '" + in + "', line 2, column 1: '1,5' is not a number");
  }

  @Test
  void mismatchedUpstream() {
    Path rows = Cli.write(dir, "rows.txt", "1 2\n");
    assertUsageError(Cli.withStdin("1 2\n3 4\n", "eval", "relu", "--grad", "--upstream", rows.toString()),
        "has 1 rows but the input has 2");
    Path len = Cli.write(dir, "len.txt", "1 2\n1 2 3\n");
    assertUsageError(Cli.withStdin("1 2\n3 4\n", "eval", "softmax", "--grad", "--upstream", len.toString()),
        ", line 2: 3 numbers, but the output of input line 2 has 2");
    Path bad = Cli.write(dir, "bad.txt", "1 x\n");
    assertUsageError(Cli.withStdin("1 2\n", "eval", "relu", "--grad", "--upstream", bad.toString()),
        "upstream file '" + bad + "', line 1, column 3: 'x' is not a number");
    assertUsageError(Cli.withStdin("1\n", "eval", "relu", "--upstream", rows.toString()), "add --grad");
  }

  @Test
  void unreadableFile() {
    Path missing = dir.resolve("missing.txt");
    assertUsageError(Cli.run("eval", "relu", "--input", missing.toString()),
        "cannot read input file '" + missing + "': no such file");
    assertUsageError(Cli.withStdin("1\n", "eval", "relu", "--grad", "--upstream", dir.toString()),
        "cannot read upstream file '" + dir + "'");
  }

  /** Every row function that rejects some short row length (the GLUs: odd n) reports it with the line. */
  @Test
  void rowLengthRejectedByARowFunctionNamesTheLine() {
    for (RowActivation fn : Catalog.rows()) {
      for (int n = 1; n <= 3; n++) {
        try {
          fn.outputLength(n);
        } catch (IllegalArgumentException e) {
          String input = "1 2 3 4\n" + "0.5 ".repeat(n) + "\n";
          assertUsageError(Cli.withStdin(input, "eval", fn.spec().id()), "input line 2: " + e.getMessage());
        }
      }
    }
  }

  @Test
  void simdKernelRequestFailsClearlyWhenThereIsNone() {
    for (Activation a : Catalog.elementwise()) {
      boolean available;
      try {
        org.actlab.core.kernel.KernelProvider.kernel(a, org.actlab.core.kernel.KernelProvider.Mode.FORCE);
        available = true;
      } catch (IllegalStateException e) {
        available = false;
      }
      Cli.Result r = Cli.withStdin("1\n", "eval", a.spec().id(), "--kernel", "simd");
      if (available) {
        assertEquals(0, r.exit(), r::toString);
      } else {
        assertUsageError(r, "--kernel simd: no SIMD kernel for " + a.spec().id());
      }
      Cli.Result auto = Cli.withStdin("1\n", "eval", a.spec().id(), "--kernel", "auto");
      assertEquals(0, auto.exit(), auto::toString);
      assertEquals("", auto.err());
    }
    for (RowActivation fn : Catalog.rows()) {
      assertUsageError(Cli.withStdin("1\n", "eval", fn.spec().id(), "--kernel", "simd"), "no SIMD kernel");
    }
  }

  @Test
  void stackTraceOnlyWithDebug() {
    Cli.Result plain = Cli.withStdin("x\n", "eval", "relu");
    assertEquals(1, plain.err().lines().count(), plain::toString);
    Cli.Result debug = Cli.withStdin("x\n", "eval", "relu", "--debug");
    assertEquals(2, debug.exit());
    assertTrue(debug.err().contains("\tat org.actlab.app."), debug::toString);
    Cli.Result before = Cli.withStdin("x\n", "--debug", "eval", "relu");
    assertTrue(before.err().contains("\tat org.actlab.app."), before::toString);
  }

  @Test
  void usageErrorsAreShort() {
    for (List<String> args : List.of(List.of("eval"), List.of("eval", "relu", "--dtype", "f16"),
        List.of("eval", "relu", "--bogus"), List.of("frobnicate"), List.<String>of())) {
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), r::toString);
      assertEquals(2, r.err().lines().count(), r::toString);
      assertTrue(r.err().startsWith("actlab: "), r::toString);
    }
  }
}
