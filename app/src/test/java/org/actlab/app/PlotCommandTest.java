package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plot writes real, non-empty images headlessly, and rejects bad input without touching existing files. */
class PlotCommandTest {

  @TempDir
  Path dir;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void pngIsAValidImageWithTheCurvesDrawn() throws IOException {
    Path png = dir.resolve("f.png");
    Cli.Result r = Cli.run("plot", "relu", "gelu", "--derivative", "-o", png.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("wrote " + png), r.out());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(900, img.getWidth());
    assertEquals(600, img.getHeight());
    // the first palette colour (relu, 0x1f77b4) must appear: the curve was drawn, not just the axes
    boolean found = false;
    for (int y = 0; y < img.getHeight() && !found; y++) {
      for (int x = 0; x < img.getWidth() && !found; x++) {
        found = (img.getRGB(x, y) & 0xffffff) == 0x1f77b4;
      }
    }
    assertTrue(found, "no pixel of relu's colour in the chart");
  }

  @Test
  void svgIsWrittenByExtension() throws IOException {
    Path svg = dir.resolve("f.svg");
    Cli.Result r = Cli.run("plot", "sigmoid,tanh", "--range", "-3:3", "--points", "50", "-o", svg.toString());
    assertEquals(0, r.exit(), r::toString);
    String text = Files.readString(svg);
    assertTrue(text.contains("<svg"), "not an SVG file");
    assertTrue(text.length() > 1000, "suspiciously small SVG");
  }

  @Test
  void badInputExitsTwoAndLeavesExistingFilesAlone() throws IOException {
    Path png = dir.resolve("keep.png");
    Files.write(png, new byte[] {1, 2, 3});
    for (String[] args : new String[][] {
        {"plot", "softmax", "-o", png.toString()},
        {"plot", "relu", "-o", dir.resolve("x.jpg").toString()},
        {"plot", "relu", "-p", "alpha=2", "-o", png.toString()},
        {"plot", "relu", "--range", "3:1", "-o", png.toString()},
        {"plot", "nosuch", "-o", png.toString()}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(2, r.exit(), r::toString);
      assertFalse(r.err().contains("\tat "), r::toString);
    }
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(png));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void parametersCanTargetOneFunction() {
    Path png = dir.resolve("p.png");
    assertEquals(0, Cli.run("plot", "elu", "celu", "-p", "alpha=2", "-p", "elu.alpha=0.5", "-o",
        png.toString()).exit());
    Cli.Result r = Cli.run("plot", "elu", "-p", "relu.alpha=2", "-o", png.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("not plotted"), r.err());
  }
}
