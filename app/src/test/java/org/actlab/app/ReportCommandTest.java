package org.actlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report: one self-contained index.html with embedded PNG charts and every section. */
class ReportCommandTest {

  @TempDir
  Path dir;

  /** Embedded PNGs only: no external URL, script, stylesheet link or unescaped markup from data. */
  static void assertSelfContained(String html) {
    assertTrue(html.startsWith("<!DOCTYPE html>"), "a full page");
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    int images = 0;
    while (m.find()) {
      byte[] png = java.util.Base64.getDecoder().decode(m.group(1));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
      images++;
    }
    assertTrue(images >= 2, "charts embedded: " + images);
    assertFalse(html.contains("http://") || html.contains("https://"), "no external URL");
    assertFalse(html.contains("<script") || html.contains("<link"), "nothing loaded");
    assertEquals(html.split("<img").length - 1, images, "every image is an embedded PNG");
  }

  @Test
  void writesEverySectionWithEmbeddedCharts() throws Exception {
    Path out = dir.resolve("r");
    Cli.Result r = Cli.run("report", "-o", out.toString(), "--data", "xor", "--data-opt", "n=200", "--acts",
        "relu,sigmoid", "--seeds", "1", "--epochs", "1", "--model", "dense:4", "--depth", "3");
    assertEquals(0, r.exit(), r::toString);
    String html = Files.readString(out.resolve("index.html"));
    assertSelfContained(html);
    for (String s : new String[] {"Training comparison", "How much gradient", "Signals and gradients through depth",
        "relu with kaiming_normal", "relu with xavier_normal", "selu with lecun_normal", "sigmoid with xavier_normal",
        "vanish"}) {
      assertTrue(html.contains(s), s);
    }
    // 2 comparison charts + 1 function chart + 4 depth charts
    assertEquals(7, html.split("data:image/png;base64,").length - 1);
  }

  @Test
  void textIsEscaped() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Html.escape("a <b> & \"c\" 'd'"));
    String page = new Html("<x>").p("1 < 2 & <script>").render();
    assertTrue(page.contains("<p>1 &lt; 2 &amp; &lt;script&gt;</p>"));
    assertFalse(page.contains("<script>"));
  }

  @Test
  void badInputExitsTwo() {
    Cli.Result r = Cli.run("report", "-o", dir.toString(), "--acts", "nosuch");
    assertEquals(2, r.exit(), r::toString);
    r = Cli.run("report", "-o", dir.toString(), "--depth", "0");
    assertEquals(2, r.exit(), r::toString);
    assertFalse(Files.exists(dir.resolve("index.html")));
  }
}
