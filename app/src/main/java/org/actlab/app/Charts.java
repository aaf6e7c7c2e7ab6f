package org.actlab.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves XChart charts as PNG or SVG (chosen by the file extension), atomically. */
final class Charts {

  /** Tableau's ten colours: distinct for the usual handful of functions; derivatives reuse their function's. */
  private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e),
      new java.awt.Color(0x2ca02c), new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd),
      new java.awt.Color(0x8c564b), new java.awt.Color(0xe377c2), new java.awt.Color(0x7f7f7f),
      new java.awt.Color(0xbcbd22), new java.awt.Color(0x17becf)};

  private Charts() {}

  /** The k-th series colour. */
  static java.awt.Color color(int k) {
    return PALETTE[Math.floorMod(k, PALETTE.length)];
  }

  /** Checks the extension early, before any work is done. */
  static void requireImagePath(Path out) {
    String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!n.endsWith(".png") && !n.endsWith(".svg")) {
      throw new CliException("output file must end in .png or .svg (got " + out + ")");
    }
  }

  static void save(Chart<?, ?> chart, Path out) {
    requireImagePath(out);
    AtomicFiles.write(out, bytes(chart, out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")));
  }

  static byte[] bytes(Chart<?, ?> chart, boolean svg) {
    try {
      if (!svg) {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      }
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(chart, b, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return b.toByteArray();
    } catch (IOException e) {
      throw new CliException("cannot render the chart: " + e.getMessage(), e);
    }
  }
}
