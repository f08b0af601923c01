package io.metabound.experiments.task;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.BoundedText;
import io.metabound.experiments.io.JsonSyntax;
import io.metabound.experiments.io.SizeLimits;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the quadratic task-file contract (DESIGN.md):
 *
 * <pre>{@code {"tasks": [{"H": [[..]], "c": [..], "G": [[..]], "e": [..], "weight": 1.0}, …]}}
 * </pre>
 *
 * <p>Task i has the inner (support) loss {@code ½(w − c)ᵀH(w − c)}; {@code "G"} and {@code "e"},
 * given together, make it a finite-sum task with the outer (query) loss {@code ½(w − e)ᵀG(w − e)},
 * otherwise the outer loss is the same object as the inner one (resampling case). {@code "weight"}
 * is optional (default 1, must be finite and ≥ 0). {@code "offset"} and {@code "outer_offset"} are
 * optional constants added to the inner and outer loss values (default 0; written only when
 * non-zero): a least-squares loss {@code (1/2n)‖Xw − y‖²} is {@code ½(w − ĉ)ᵀ(XᵀX/n)(w − ĉ)} plus
 * its residual. Other fields are ignored.
 *
 * <p>Validation (every error a {@link TaskFileException} naming the file and field, never a raw
 * Jackson exception): valid JSON without duplicate keys; an object with a non-empty {@code "tasks"}
 * array of objects; {@code H} (and {@code G}) square arrays of rows, {@code c} (and {@code e}) of
 * matching length, the same dimension for every task; numbers only, all finite; {@code H} and
 * {@code G} symmetric within {@code 1e-12·max|entry|} (entries within that tolerance are replaced
 * by the mean of the pair, so an exactly symmetric matrix is kept bit for bit); weights not all 0.
 */
public final class QuadraticTaskFile {

  /** Relative tolerance of the symmetry check. */
  public static final double SYMMETRY_TOLERANCE = 1e-12;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // NaN and Infinity are read so that the field check names the field (never a JSON number)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private QuadraticTaskFile() {}

  /**
   * Reads a task file.
   *
   * @throws TaskFileException naming the file, field and problem
   */
  public static TaskSet read(Path file) {
    String text;
    try {
      text = BoundedText.read(file, SizeLimits.MAX_TASK_FILE_BYTES, "task file", null);
    } catch (NoSuchFileException e) {
      throw new TaskFileException(file + ": no such task file");
    } catch (IOException e) {
      throw new TaskFileException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses task-file text.
   *
   * @param source names the input in error messages (a file name)
   * @throws TaskFileException naming the source, field and problem
   */
  public static TaskSet parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new TaskFileException(
          source + ": " + JsonSyntax.describe(e), e);
    }
    return new Reader(source).tasks(root);
  }

  private static final class Reader {
    private final String source;
    private int dimension = -1;

    Reader(String source) {
      this.source = source;
    }

    private TaskFileException error(String field, String problem) {
      return new TaskFileException(source + ": " + field + ": " + problem);
    }

    TaskSet tasks(JsonNode root) {
      if (root == null || !root.isObject()) {
        throw new TaskFileException(source + ": expected a JSON object with a \"tasks\" array");
      }
      JsonNode list = root.get("tasks");
      if (list == null) {
        throw error("tasks", "missing (expected {\"tasks\": [{\"H\": [[..]], \"c\": [..]}, ...]})");
      }
      if (!list.isArray()) {
        throw error("tasks", "expected an array of tasks, got " + kind(list));
      }
      if (list.size() == 0) {
        throw error("tasks", "empty list; need at least one task");
      }
      List<MetaTask> tasks = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        tasks.add(task(list.get(i), "tasks[" + i + "]"));
      }
      try {
        return new TaskSet(tasks);
      } catch (IllegalArgumentException e) {
        throw error("tasks", e.getMessage());
      }
    }

    private MetaTask task(JsonNode node, String at) {
      if (!node.isObject()) {
        throw error(at, "expected an object with \"H\" and \"c\", got " + kind(node));
      }
      QuadraticLoss inner = loss(node, "H", "c", at);
      QuadraticLoss outer = inner;
      boolean hasG = node.has("G");
      boolean hasE = node.has("e");
      if (hasG != hasE) {
        throw error(
            at,
            hasG
                ? "\"G\" given without \"e\" (a test loss needs both)"
                : "\"e\" given without \"G\" (a test loss needs both)");
      }
      if (hasG) {
        outer = loss(node, "G", "e", at);
      }
      inner = withOffset(inner, node, "offset", at);
      outer = hasG ? withOffset(outer, node, "outer_offset", at) : inner;
      if (!hasG && node.has("outer_offset")) {
        throw error(at + ".outer_offset", "given without \"G\" and \"e\" (it offsets a test loss)");
      }
      double weight = 1;
      JsonNode w = node.get("weight");
      if (w != null) {
        weight = number(w, at + ".weight");
        if (weight < 0) {
          throw error(at + ".weight", "negative (" + format(weight) + "); weights must be >= 0");
        }
      }
      return new MetaTask(inner, outer, weight);
    }

    /** The loss with the task's optional constant {@code field} (a least-squares residual). */
    private QuadraticLoss withOffset(QuadraticLoss loss, JsonNode task, String field, String at) {
      JsonNode node = task.get(field);
      return node == null ? loss : loss.withOffset(number(node, at + "." + field));
    }

    private QuadraticLoss loss(JsonNode task, String matrixName, String centreName, String at) {
      JsonNode rows = task.get(matrixName);
      if (rows == null) {
        throw error(at, "missing \"" + matrixName + "\"");
      }
      JsonNode centreNode = task.get(centreName);
      if (centreNode == null) {
        throw error(at, "missing \"" + centreName + "\"");
      }
      String mField = at + "." + matrixName;
      if (!rows.isArray()) {
        throw error(mField, "expected an array of rows, got " + kind(rows));
      }
      int n = rows.size();
      if (n == 0) {
        throw error(mField, "empty matrix");
      }
      double[][] matrix = new double[n][];
      for (int r = 0; r < n; r++) {
        JsonNode row = rows.get(r);
        if (!row.isArray()) {
          throw error(
              mField + "[" + r + "]", "expected a row (array of numbers), got " + kind(row));
        }
        if (row.size() != n) {
          throw error(
              mField,
              "not square (row "
                  + r
                  + " has "
                  + row.size()
                  + " entries, "
                  + matrixName
                  + " has "
                  + n
                  + " rows)");
        }
        matrix[r] = vector(row, mField + "[" + r + "]");
      }
      double[] centre = vector(centreNode, at + "." + centreName);
      if (centre.length != n) {
        throw error(
            at + "." + centreName,
            "has " + centre.length + " entries, " + matrixName + " is " + n + "x" + n);
      }
      if (dimension < 0) {
        dimension = n;
      } else if (n != dimension) {
        throw error(
            mField, "dimension " + n + " differs from tasks[0] (dimension " + dimension + ")");
      }
      return QuadraticLoss.of(symmetric(matrix, matrixName, mField), centre);
    }

    private double[][] symmetric(double[][] m, String name, String field) {
      int n = m.length;
      double scale = 0;
      for (double[] row : m) {
        for (double x : row) {
          scale = Math.max(scale, Math.abs(x));
        }
      }
      String range = RepresentableScale.problem(scale);
      if (range != null) {
        throw error(field, range);
      }
      for (int r = 0; r < n; r++) {
        for (int k = r + 1; k < n; k++) {
          double a = m[r][k];
          double b = m[k][r];
          if (Math.abs(a - b) > SYMMETRY_TOLERANCE * scale) {
            throw error(
                field,
                "not symmetric ("
                    + name
                    + "["
                    + r
                    + "]["
                    + k
                    + "]="
                    + format(a)
                    + " vs "
                    + name
                    + "["
                    + k
                    + "]["
                    + r
                    + "]="
                    + format(b)
                    + ")");
          }
          if (a != b) {
            double mean = 0.5 * (a + b);
            m[r][k] = mean;
            m[k][r] = mean;
          }
        }
      }
      return m;
    }

    private double[] vector(JsonNode node, String field) {
      if (!node.isArray()) {
        throw error(field, "expected an array of numbers, got " + kind(node));
      }
      double[] v = new double[node.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = number(node.get(k), field + "[" + k + "]");
      }
      return v;
    }

    private double number(JsonNode node, String field) {
      if (!node.isNumber()) {
        throw error(field, "not a number (" + kind(node) + ")");
      }
      double x = node.doubleValue();
      if (!Double.isFinite(x)) {
        throw error(field, "not finite (" + node + " reads as " + x + ")");
      }
      return x;
    }
  }

  private static String kind(JsonNode node) {
    if (node.isString()) {
      return "the string " + node;
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }

  private static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }

  /**
   * Writes a quadratic task set atomically (a temporary file in the target directory, then a move),
   * so a reader never sees half a file. Numbers are written with {@link Double#toString}, which
   * reads back bit for bit.
   *
   * @throws TaskFileException if a task is not quadratic, holds a non-finite number, or the file
   *     cannot be written
   */
  public static void write(TaskSet tasks, Path file) {
    String text = toJson(tasks, file.toString());
    try {
      AtomicFiles.writeString(file, text);
    } catch (IOException e) {
      throw new TaskFileException(file + ": cannot write: " + e, e);
    }
  }

  /** The task-file JSON of a quadratic task set. */
  public static String toJson(TaskSet tasks) {
    return toJson(tasks, "task set");
  }

  private static String toJson(TaskSet tasks, String target) {
    StringBuilder out = new StringBuilder("{\n  \"tasks\": [\n");
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask t = tasks.get(i);
      String at = target + ": tasks[" + i + "]";
      if (!(t.inner() instanceof QuadraticLoss inner)
          || !(t.outer() instanceof QuadraticLoss outer)) {
        throw new TaskFileException(
            at + ": not quadratic; only QuadraticLoss tasks have a task file");
      }
      out.append("    {\n");
      appendLoss(out, inner, "H", "c", at);
      if (inner.offset() != 0) {
        out.append(",\n      \"offset\": ").append(number(inner.offset(), at + ".offset"));
      }
      boolean separateOuter = !t.isSameLoss();
      if (separateOuter) {
        out.append(",\n");
        appendLoss(out, outer, "G", "e", at);
        if (outer.offset() != 0) {
          out.append(",\n      \"outer_offset\": ")
              .append(number(outer.offset(), at + ".outer_offset"));
        }
      }
      if (t.weight() != 1) {
        out.append(",\n      \"weight\": ").append(number(t.weight(), at + ".weight"));
      }
      out.append("\n    }").append(i + 1 < tasks.size() ? ",\n" : "\n");
    }
    return out.append("  ]\n}\n").toString();
  }

  private static void appendLoss(
      StringBuilder out, QuadraticLoss loss, String matrixName, String centreName, String at) {
    int d = loss.dimension();
    double[] h = loss.hessian();
    double[] c = loss.centre();
    out.append("      \"").append(matrixName).append("\": [");
    for (int r = 0; r < d; r++) {
      out.append(r == 0 ? "[" : ", [");
      for (int k = 0; k < d; k++) {
        if (k > 0) {
          out.append(", ");
        }
        out.append(number(h[r * d + k], at + "." + matrixName + "[" + r + "][" + k + "]"));
      }
      out.append(']');
    }
    out.append("],\n      \"").append(centreName).append("\": [");
    for (int k = 0; k < d; k++) {
      if (k > 0) {
        out.append(", ");
      }
      out.append(number(c[k], at + "." + centreName + "[" + k + "]"));
    }
    out.append(']');
  }

  private static String number(double x, String field) {
    if (!Double.isFinite(x)) {
      throw new TaskFileException(field + ": not finite (" + x + "); JSON has no such number");
    }
    return Double.toString(x);
  }
}
