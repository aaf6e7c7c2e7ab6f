package org.actlab.app.examples;

/** One of the lecture notes' experiments, runnable as {@code actlab example NAME}; registered in {@link Examples}. */
public interface Example {

  /** lower-kebab name, e.g. {@code attention}. */
  String name();

  /** One line for {@code actlab example --list}. */
  String description();

  /** Explains, measures and reports through {@code ctx}; {@code ctx.quick()} asks for a seconds-long version. */
  void run(ExampleContext ctx);
}
