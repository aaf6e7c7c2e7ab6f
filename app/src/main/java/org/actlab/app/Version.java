package org.actlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.actlab.core.activation.Catalog;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version (filtered into a resource by Maven), the Java runtime, the catalog size. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "actlab " + projectVersion(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
        Catalog.all().size() + " functions in the catalog"};
  }

  /** The Maven project version, from {@code version.properties}. */
  static String projectVersion() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
