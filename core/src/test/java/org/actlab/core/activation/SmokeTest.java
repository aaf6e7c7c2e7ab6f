package org.actlab.core.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void catalogLoads() {
    assertTrue(Catalog.all().size() > 0);
  }
}
