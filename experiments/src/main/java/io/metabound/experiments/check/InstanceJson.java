package io.metabound.experiments.check;

import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskFileException;
import io.metabound.experiments.task.TaskSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Quadratic instances as JSON, following the task-file contract: {@code {"tasks":[{"H":[[..]],
 * "c":[..], "G":[[..]], "e":[..], "weight":w}, …], "params":{…}, "seed":s}}; {@code G}/{@code e}
 * only when the outer (test) loss differs from the inner one, {@code weight} only when it is not 1.
 * The task part is read and written by {@link QuadraticTaskFile}; every problem is reported as a
 * {@link CheckInputException} naming the file and the field.
 */
public final class InstanceJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private InstanceJson() {}

  /**
   * The task list of a quadratic instance, written by {@link QuadraticTaskFile} (the single writer
   * of the task-file contract).
   *
   * @throws IllegalArgumentException when a task is not quadratic
   */
  public static ArrayNode tasks(TaskSet tasks) {
    String text;
    try {
      text = QuadraticTaskFile.toJson(tasks);
    } catch (TaskFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return (ArrayNode) CounterexampleFile.JSON.readTree(text).get("tasks");
  }

  /** The parameters as a JSON object (sorted by name). */
  public static ObjectNode parameters(Map<String, Double> parameters) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, Double> e : new TreeMap<>(parameters).entrySet()) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Writes {@code tasks}, {@code params}, {@code seed} and {@code family} into {@code target}. */
  public static void write(Instance instance, ObjectNode target) {
    target.put("family", instance.family());
    target.put("seed", instance.seed());
    target.set("params", parameters(instance.parameters()));
    target.set("tasks", tasks(instance.tasks()));
  }

  /**
   * Reads an instance from the fields {@code tasks}, {@code params}, {@code seed}, {@code family}.
   */
  public static Instance read(JsonNode root, Path file) {
    if (root == null || !root.isObject()) {
      throw new CheckInputException(file, "", "expected a JSON object at the top level");
    }
    TaskSet tasks = readTasks(root.get("tasks"), file);
    TreeMap<String, Double> params = new TreeMap<>();
    JsonNode p = root.get("params");
    if (p != null && !p.isNull()) {
      if (!p.isObject()) {
        throw new CheckInputException(file, "params", "expected an object of numbers");
      }
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        params.put(e.getKey(), number(e.getValue(), file, "params." + e.getKey()));
      }
    }
    long seed = 0;
    JsonNode s = root.get("seed");
    if (s != null && !s.isNull()) {
      if (!s.isIntegralNumber() || !s.canConvertToLong()) {
        throw new CheckInputException(file, "seed", "expected an integer, got " + s);
      }
      seed = s.longValue();
    }
    JsonNode f = root.get("family");
    String family = f == null || f.isNull() ? "quadratic" : f.asString();
    return new Instance(tasks, params, seed, family);
  }

  /**
   * Reads the {@code tasks} array of the task-file contract with {@link QuadraticTaskFile} (the
   * single reader of the contract), turning its errors into {@link CheckInputException}s.
   */
  public static TaskSet readTasks(JsonNode node, Path file) {
    ObjectNode wrapper = NODES.objectNode();
    if (node != null) {
      wrapper.set("tasks", node);
    }
    try {
      return QuadraticTaskFile.parse(
          CounterexampleFile.JSON.writeValueAsString(wrapper), String.valueOf(file));
    } catch (TaskFileException e) {
      throw new CheckInputException(e.getMessage(), file, "tasks", e);
    }
  }

  /** A number, also accepting the strings "NaN", "Infinity" and "-Infinity". */
  static double number(JsonNode node, Path file, String field) {
    if (node != null && node.isNumber()) {
      return node.doubleValue();
    }
    if (node != null && node.isString()) {
      switch (node.asString()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new CheckInputException(file, field, "expected a number, got " + node);
  }

  /** A JSON number, or the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers). */
  public static JsonNode number(double v) {
    if (Double.isNaN(v)) {
      return NODES.stringNode("NaN");
    }
    if (Double.isInfinite(v)) {
      return NODES.stringNode(v > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(v);
  }
}
