package org.actlab.app;

import java.io.PrintWriter;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.actlab.core.activation.Entry;
import org.actlab.core.activation.Kink;
import org.actlab.core.activation.Param;
import org.actlab.core.activation.Property;
import org.actlab.core.activation.Range;
import org.actlab.core.activation.Spec;

/**
 * The JSON views of catalog entries. Keys are snake_case. JSON has no NaN or infinity, so a non-finite number is
 * written as the string {@code "nan"}, {@code "inf"} or {@code "-inf"} (an unbounded range end is {@code "inf"}).
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Pretty-printed JSON followed by a newline. */
  static void print(PrintWriter out, JsonNode node) {
    try {
      out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The summary object of {@code actlab list --json}. */
  static ObjectNode summary(Entry e) {
    Spec s = e.spec();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("kind", Facts.kind(e));
    o.put("family", s.family().id());
    o.set("range", range(s.range()));
    o.put("monotonic", Facts.monotonic(e));
    o.put("smoothness", s.smoothness().label());
    o.put("zero_centred", Facts.zeroCentred(e));
    o.put("saturation", s.saturation().name().toLowerCase(Locale.ROOT));
    ArrayNode learnable = o.putArray("learnable_params");
    s.learnableParams().forEach(learnable::add);
    return o;
  }

  static ObjectNode range(Range r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("text", r.toString());
    number(o, "lo", r.lo());
    number(o, "hi", r.hi());
    o.put("lo_closed", r.loClosed());
    o.put("hi_closed", r.hiClosed());
    return o;
  }

  static ObjectNode param(Param p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", p.name());
    number(o, "default", p.defaultValue());
    o.put("range", p.rangeText());
    number(o, "min", p.min());
    number(o, "max", p.max());
    o.put("min_open", p.minOpen());
    o.put("max_open", p.maxOpen());
    o.put("non_zero", p.nonZero());
    o.put("learnable", p.learnable());
    o.put("description", p.description());
    return o;
  }

  static ObjectNode kink(Kink k) {
    ObjectNode o = MAPPER.createObjectNode();
    number(o, "x", k.x());
    number(o, "derivative", k.derivative());
    o.put("jump", k.jump());
    o.put("why", k.why());
    return o;
  }

  static ArrayNode properties(Spec s) {
    ArrayNode a = MAPPER.createArrayNode();
    for (Property p : Property.values()) {
      if (s.has(p)) {
        a.add(p.name().toLowerCase(Locale.ROOT));
      }
    }
    return a;
  }

  static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.put(key, NumberText.format(v));
    }
  }

  static ArrayNode numbers(double[] v) {
    ArrayNode a = MAPPER.createArrayNode();
    for (double d : v) {
      if (Double.isFinite(d)) {
        a.add(d);
      } else {
        a.add(NumberText.format(d));
      }
    }
    return a;
  }
}
