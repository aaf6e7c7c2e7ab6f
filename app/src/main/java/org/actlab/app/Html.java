package org.actlab.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A self-contained HTML page built section by section: every text is escaped, charts are embedded as base64 PNG
 * data URIs, styles are inline; the page loads nothing from anywhere.
 */
final class Html {

  private final String title;
  private final StringBuilder body = new StringBuilder();

  Html(String title) {
    this.title = title;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  Html h2(String text) {
    return tag("h2", text);
  }

  Html h3(String text) {
    return tag("h3", text);
  }

  Html p(String text) {
    return tag("p", text);
  }

  Html list(List<String> items) {
    body.append("<ul>\n");
    items.forEach(i -> body.append("<li>").append(escape(i)).append("</li>\n"));
    body.append("</ul>\n");
    return this;
  }

  Html table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      r.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  Html chart(Chart<?, ?> chart, String caption) {
    String data = Base64.getEncoder().encodeToString(Charts.bytes(chart, false));
    body.append("<figure><img alt=\"").append(escape(caption)).append("\" src=\"data:image/png;base64,")
        .append(data).append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    return this;
  }

  private Html tag(String tag, String text) {
    body.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
    return this;
  }

  String render() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.25em .6em;"
        + "text-align:right}th{background:#eee}td:first-child{text-align:left}img{max-width:100%}"
        + "figcaption{font-size:.9em;color:#444}</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body
        + "</body>\n</html>\n";
  }

  /** Writes {@code dir/index.html} atomically (creating {@code dir}); other files in {@code dir} are untouched. */
  Path write(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new CliException("cannot create report directory " + dir + ": " + e.getMessage(), e);
    }
    Path index = dir.resolve("index.html");
    AtomicFiles.write(index, render().getBytes(StandardCharsets.UTF_8));
    return index;
  }
}
