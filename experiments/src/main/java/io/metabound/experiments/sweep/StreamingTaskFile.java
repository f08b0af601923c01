package io.metabound.experiments.sweep;

import io.metabound.experiments.io.BoundedText;
import io.metabound.experiments.io.InputTooLargeException;
import io.metabound.experiments.io.JsonSyntax;
import io.metabound.experiments.io.SizeLimits;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.RepresentableScale;
import io.metabound.experiments.task.TaskMemory;
import io.metabound.experiments.task.TaskSet;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Checksum;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads the quadratic task-file contract (DESIGN.md) with Jackson's streaming parser only, with
 * the semantics of the project's reader {@link QuadraticTaskFile}:
 *
 * <pre>{@code {"tasks":[{"H":[[..]],"c":[..], "G":[[..]], "e":[..], "weight":w}, …], …}}</pre>
 *
 * with {@code G}/{@code e} (the outer, test loss {@code ½(w−e)ᵀG(w−e)}) optional and together,
 * {@code weight} optional (default 1, ≥ 0), other fields ignored; duplicate keys and trailing
 * content rejected; numbers only, all finite; every task the same dimension; square matrices
 * matching the centre's length; symmetry within {@link QuadraticTaskFile#SYMMETRY_TOLERANCE}
 * times the largest entry, pairs within the tolerance replaced by their mean (an exactly symmetric
 * matrix is kept bit for bit). Errors name the file and the field ({@code tasks[2].H[1]}).
 *
 * <p>Why a second reader: the databind machinery costs a short command-line sweep 0.15–0.3 s of
 * class loading, as much as computing a 100×100 map; the streaming parser costs a third of that.
 * A test checks that both readers give equal task sets and reject the same files.
 */
public final class StreamingTaskFile {

  /** Every this many tasks read, the memory they will take is checked ({@link TaskMemory}). */
  static final int MEMORY_CHECK_TASKS = 1024;

  private StreamingTaskFile() {}

  /**
   * Reads a task file.
   *
   * @throws SweepInputException naming the file, field and problem
   */
  public static TaskSet read(Path file) {
    return read(file, null);
  }

  /**
   * Reads a task file of at most {@link SizeLimits#MAX_TASK_FILE_BYTES} bytes, once (a FIFO or a
   * device is read once too), feeding every byte to {@code checksum}.
   *
   * @param checksum updated with the file's bytes (the sweep's CRC-32C), or null
   * @throws SweepInputException naming the file, field and problem
   * @throws InputTooLargeException when the file is larger than the limit
   */
  public static TaskSet read(Path file, Checksum checksum) {
    String text;
    try {
      text = BoundedText.read(file, SizeLimits.MAX_TASK_FILE_BYTES, "task file", checksum);
    } catch (NoSuchFileException e) {
      throw new SweepInputException(file + ": no such task file");
    } catch (IOException e) {
      throw new SweepInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    JsonFactory factory = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // NaN and Infinity are read so that the field check names the field
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
      return new StreamingTaskFile.Reader(file, p).file();
    } catch (JacksonException e) {
      throw new SweepInputException(file + ": " + JsonSyntax.describe(e), e);
    }
  }

  private static final class Reader {
    private final Path file;
    private final JsonParser p;

    Reader(Path file, JsonParser p) {
      this.file = file;
      this.p = p;
    }

    private SweepInputException error(String field, String problem) {
      return new SweepInputException(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    TaskSet file() {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw error("", "expected a JSON object with a \"tasks\" array");
      }
      List<MetaTask> tasks = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("tasks")) {
          tasks = tasks();
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw error("", "trailing content after the top-level object");
      }
      if (tasks == null || tasks.isEmpty()) {
        throw error("tasks", "expected a non-empty array of tasks");
      }
      try {
        return new TaskSet(tasks);
      } catch (IllegalArgumentException e) {
        throw error("tasks", e.getMessage());
      }
    }

    private List<MetaTask> tasks() {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error("tasks", "expected a non-empty array of tasks");
      }
      List<MetaTask> tasks = new ArrayList<>();
      int dimension = -1;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String at = "tasks[" + tasks.size() + "]";
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw error(at, "expected an object with H and c");
        }
        double[][] h = null;
        double[] c = null;
        double[][] g = null;
        double[] e = null;
        double weight = 1;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "H" -> h = matrix(at + ".H");
            case "c" -> c = vector(at + ".c");
            case "G" -> g = matrix(at + ".G");
            case "e" -> e = vector(at + ".e");
            case "weight" -> {
              weight = number(at + ".weight");
              if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw error(at + ".weight", "must be finite and >= 0, got " + weight);
              }
            }
            default -> p.skipChildren();
          }
        }
        if (c == null) {
          throw error(at + ".c", "expected a non-empty array of numbers");
        }
        if (h == null) {
          throw error(at + ".H", "expected a " + c.length + "x" + c.length + " array of rows");
        }
        QuadraticLoss inner = loss(h, c, at, "H", "c");
        if (dimension < 0) {
          dimension = inner.dimension();
        } else if (inner.dimension() != dimension) {
          throw error(at + ".c", "dimension " + inner.dimension() + " differs from task 0's " + dimension);
        }
        if ((g == null) != (e == null)) {
          throw error(at + (g != null ? ".e" : ".G"), "G and e come together (the test loss ½(w−e)ᵀG(w−e))");
        }
        QuadraticLoss outer = inner;
        if (g != null) {
          outer = loss(g, e, at, "G", "e");
          if (outer.dimension() != dimension) {
            throw error(at + ".e", "dimension " + outer.dimension() + " differs from H's " + dimension);
          }
        }
        tasks.add(new MetaTask(inner, outer, weight));
        if (tasks.size() % MEMORY_CHECK_TASKS == 0) {
          // the file is bounded, but small tasks of a large file still add up
          TaskMemory.require(tasks.size(), dimension, file.toString());
        }
      }
      return tasks;
    }

    private QuadraticLoss loss(double[][] rows, double[] centre, String at, String h, String c) {
      int d = centre.length;
      if (rows.length != d) {
        throw error(at + "." + h, "expected a " + d + "x" + d
            + " array of rows (matching the length of " + c + ")");
      }
      double[] flat = new double[d * d];
      double scale = 0;
      for (int r = 0; r < d; r++) {
        if (rows[r].length != d) {
          throw error(at + "." + h + "[" + r + "]", "has " + rows[r].length + " entries, expected " + d);
        }
        System.arraycopy(rows[r], 0, flat, r * d, d);
        for (double v : rows[r]) {
          scale = Math.max(scale, Math.abs(v));
        }
      }
      String range = RepresentableScale.problem(scale);
      if (range != null) {
        throw error(at + "." + h, range);
      }
      for (int r = 0; r < d; r++) {
        for (int k = r + 1; k < d; k++) {
          double upper = flat[r * d + k];
          double lower = flat[k * d + r];
          if (Math.abs(upper - lower) > QuadraticTaskFile.SYMMETRY_TOLERANCE * scale) {
            throw error(at + "." + h, "not symmetric: entry [" + r + "][" + k + "] = "
                + upper + " but [" + k + "][" + r + "] = " + lower);
          }
          if (upper != lower) {
            // within rounding: the mean of the pair, as the project's reader does
            double mean = 0.5 * (upper + lower);
            flat[r * d + k] = mean;
            flat[k * d + r] = mean;
          }
        }
      }
      return new QuadraticLoss(flat, centre);
    }

    private double[][] matrix(String field) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error(field, "expected an array of rows");
      }
      List<double[]> rows = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        rows.add(vector(field + "[" + rows.size() + "]"));
      }
      return rows.toArray(double[][]::new);
    }

    private double[] vector(String field) {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw error(field, "expected a non-empty array of numbers");
      }
      double[] v = new double[8];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n == v.length) {
          v = java.util.Arrays.copyOf(v, 2 * n);
        }
        v[n] = number(field + "[" + n + "]");
        if (!Double.isFinite(v[n])) {
          throw error(field + "[" + n + "]", "must be a finite number");
        }
        n++;
      }
      if (n == 0) {
        throw error(field, "expected a non-empty array of numbers");
      }
      return java.util.Arrays.copyOf(v, n);
    }

    private double number(String field) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return p.getDoubleValue();
      }
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getString();
        switch (s) {
          case "NaN" -> {
            return Double.NaN;
          }
          case "Infinity" -> {
            return Double.POSITIVE_INFINITY;
          }
          case "-Infinity" -> {
            return Double.NEGATIVE_INFINITY;
          }
          default -> { }
        }
      }
      throw error(field, "expected a number, got " + (t == null ? "end of file" : t.asString() == null ? t.name() : t.asString()));
    }
  }
}
