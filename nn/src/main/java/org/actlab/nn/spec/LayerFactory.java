package org.actlab.nn.spec;

import org.actlab.nn.Layer;

/** Makes the layer of one kind from its parsed spec and where it sits in the model. */
@FunctionalInterface
public interface LayerFactory {

  /**
   * @throws IllegalArgumentException if the layer cannot take {@code site.inputShape()}; the builder adds the
   *                                  token to the message
   */
  Layer create(LayerSpec spec, Site site);
}
