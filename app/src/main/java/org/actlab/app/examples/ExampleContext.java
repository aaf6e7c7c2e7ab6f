package org.actlab.app.examples;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.knowm.xchart.internal.chartpart.Chart;

/** What an example writes to: text (dropped in JSON mode), a JSON result object, and optional chart files. */
public interface ExampleContext {

  /** A small version (tests): fewer samples and epochs, same code path. */
  boolean quick();

  /** A line of explanation or results (text mode only). */
  void say(String line);

  /** A table (text mode only). */
  void table(List<String> header, List<List<String>> rows);

  /** The measured results, printed as JSON with --json. */
  ObjectNode result();

  /** Saves {@code chart} as {@code name}.png in the chart directory when one was given. */
  void chart(String name, Chart<?, ?> chart);
}
