package org.actlab.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String error(Path f, Csv.Options o) {
    return assertThrows(DataException.class, () -> Csv.read(f, o)).getMessage();
  }

  @Test
  void readsHeaderLabelColumnsAndGzip() throws IOException {
    Path f = write("a.csv", "a,b,label\n1,2.5,0\n\n-3,4e-1,2\n");
    Csv.Table t = Csv.read(f, new Csv.Options(-1, true, 0));
    assertEquals(2, t.rows());
    assertEquals(2, t.columns());
    assertEquals(3, t.classes());
    assertArrayEquals(new float[] {1, 2.5f, -3, 0.4f}, t.features());
    assertArrayEquals(new int[] {0, 2}, t.labels());
    Path first = write("b.csv", "1,5,6\n0,7,8\n");
    Csv.Table u = Csv.read(first, new Csv.Options(0, false, 2));
    assertArrayEquals(new float[] {5, 6, 7, 8}, u.features());
    Path gz = Files.write(dir.resolve("c.csv.gz"), IdxTest.gzip("1,2,1\n".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals(new int[] {1}, Csv.read(gz, Csv.Options.defaults()).labels());
  }

  @Test
  void errorsNameFileLineAndColumn() throws IOException {
    Path cell = write("cell.csv", "1,2,0\n1,x2,1\n");
    String m = error(cell, Csv.Options.defaults());
    assertTrue(m.contains(cell.toString()) && m.contains("line 2") && m.contains("column 2") && m.contains("'x2'"), m);
    Path header = write("header.csv", "a,b,y\n1,2,0\n");
    assertTrue(error(header, Csv.Options.defaults()).contains("header"));
    Path ragged = write("ragged.csv", "1,2,0\n1,0\n");
    assertTrue(error(ragged, Csv.Options.defaults()).contains("line 2: 2 cells, but the first row has 3"));
    Path range = write("range.csv", "1,2,0\n1,2,10\n");
    String r = error(range, new Csv.Options(-1, false, 10));
    assertTrue(r.contains("line 2") && r.contains("label '10'") && r.contains("[0, 10)"), r);
    Path frac = write("frac.csv", "1,2,1.5\n");
    assertTrue(error(frac, Csv.Options.defaults()).contains("label '1.5'"));
    Path nan = write("nan.csv", "NaN,2,1\n");
    assertTrue(error(nan, Csv.Options.defaults()).contains("not a finite number"));
    Path empty = write("empty.csv", "\n\n");
    assertTrue(error(empty, Csv.Options.defaults()).contains("no data rows"));
    Path col = write("col.csv", "1,2\n");
    assertTrue(error(col, new Csv.Options(5, false, 0)).contains("label column 5"));
  }
}
