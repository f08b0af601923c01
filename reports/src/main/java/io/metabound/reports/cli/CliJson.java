package io.metabound.reports.cli;

import io.metabound.experiments.check.InstanceJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON that {@code bounds} and {@code check} print with {@code --json}: pretty-printed,
 * doubles in full precision (Jackson writes the shortest decimal that reads back to the same
 * double), and the non-finite values JSON has no number for written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} (the convention of the check summaries).
 */
final class CliJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CliJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A number node, or the string of a non-finite value (the check summaries' convention). */
  static JsonNode number(double v) {
    return InstanceJson.number(v);
  }

  /** Pretty-printed text with a trailing newline. */
  static String write(JsonNode node) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }
}
