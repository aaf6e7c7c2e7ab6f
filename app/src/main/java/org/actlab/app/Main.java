package org.actlab.app;

/** Placeholder entry point replaced by the CLI work in this same issue. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println(org.actlab.core.activation.Catalog.all().size());
  }
}
