package io.metabound.experiments.finding;

import io.metabound.experiments.check.InstanceJson;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.task.QuadraticTaskFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The findings as JSON and as files: one task file per finding ({@code finding-<id>.json}, the
 * task-file contract that {@code metabound oracle --tasks} reads, written by {@link
 * QuadraticTaskFile}) and {@code findings.json}, each written atomically ({@link AtomicFiles}).
 *
 * <p>The JSON element of a finding has {@code id, paper, kind, bounds, statement, shown, instance:
 * {tasks, parameters, description}, values: [{what, measured, stated, ratio, ratio_is}],
 * reproduce, task_file}; {@code ratio} is null where no ratio is meaningful (see {@link
 * FindingValue}).
 */
public final class FindingFiles {

  /** The catalogue's file in an output folder. */
  public static final String CATALOGUE = "findings.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FindingFiles() {}

  /** The JSON array of the findings. */
  public static ArrayNode json(List<Finding> findings) {
    ArrayNode array = NODES.arrayNode();
    for (Finding f : findings) {
      array.add(json(f));
    }
    return array;
  }

  /** The JSON element of one finding (see the class comment). */
  public static ObjectNode json(Finding f) {
    ObjectNode o = NODES.objectNode();
    o.put("id", f.id());
    o.put("paper", f.paper());
    o.put("kind", f.kind().label());
    ArrayNode bounds = o.putArray("bounds");
    f.bounds().forEach(bounds::add);
    o.put("statement", f.statement());
    o.put("shown", f.shown());
    ObjectNode instance = o.putObject("instance");
    instance.set("tasks", InstanceJson.tasks(f.instance().tasks()));
    ObjectNode parameters = instance.putObject("parameters");
    for (Map.Entry<String, List<Double>> p : f.instance().parameters().entrySet()) {
      if (p.getValue().size() == 1) {
        parameters.set(p.getKey(), InstanceJson.number(p.getValue().get(0)));
      } else {
        ArrayNode values = parameters.putArray(p.getKey());
        p.getValue().forEach(v -> values.add(InstanceJson.number(v)));
      }
    }
    instance.put("description", f.instance().describe());
    ArrayNode values = o.putArray("values");
    for (FindingValue v : f.values()) {
      ObjectNode j = values.addObject();
      j.put("what", v.what());
      j.set("measured", InstanceJson.number(v.measured()));
      j.set("stated", InstanceJson.number(v.stated()));
      j.set("ratio", v.ratio() == null ? NODES.nullNode() : InstanceJson.number(v.ratio()));
      j.put("ratio_is", v.ratioIs());
    }
    ArrayNode reproduce = o.putArray("reproduce");
    f.reproduce().forEach(reproduce::add);
    o.put("task_file", f.taskFile());
    return o;
  }

  /** Pretty-printed JSON text with a trailing newline. */
  public static String text(JsonNode node) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
  }

  /**
   * Writes every finding's task file and {@link #CATALOGUE} into {@code dir}, each atomically (a
   * temporary file in {@code dir}, then a move).
   *
   * @return the files written, task files first
   */
  public static List<Path> write(List<Finding> findings, Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Finding f : findings) {
      Path file = dir.resolve(f.taskFile());
      AtomicFiles.writeString(file, QuadraticTaskFile.toJson(f.instance().tasks()));
      written.add(file);
    }
    Path catalogue = dir.resolve(CATALOGUE);
    AtomicFiles.writeString(catalogue, text(json(findings)));
    written.add(catalogue);
    return written;
  }
}
