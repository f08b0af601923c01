package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The divergence probe set (issue 14): extreme task sets (magnitudes 1e±150 and 1e±300, zero,
 * negative, NaN and Infinity spelled in JSON, mixed scales, singular, non-symmetric, a huge
 * centre) × every oracle quantity × the five estimators, and heatmaps of extreme tasks with
 * {@code --steps} 1, 1000 and a huge value. Whatever the input, the CLI never ends in an internal
 * error (exit 3), never prints {@code Infinity}, {@code NaN} or an exception's name, and a bad
 * input (exit 2) is one line on stderr.
 */
class DivergenceProbeTest {

  @TempDir static Path dir;

  /** An extreme task set, by name, as task-file JSON. */
  private record ExtremeTasks(String name, String json) {
    Path write() throws Exception {
      Path file = dir.resolve(name + ".json");
      if (!Files.exists(file)) {
        Files.writeString(file, json);
      }
      return file;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<ExtremeTasks> TASKS = List.of(
      one("huge-1e150", "1e150", "1"),
      one("huge-1e300", "1e300", "1"),
      one("tiny-1e-150", "1e-150", "1"),
      one("tiny-1e-300", "1e-300", "1"),
      one("zero", "0", "1"),
      one("negative", "-1e150", "1"),
      one("nan-string", "\"NaN\"", "1"),
      one("infinity-string", "\"Infinity\"", "1"),
      new ExtremeTasks("mixed-scales", "{\"tasks\":[{\"H\":[[1e150,0],[0,1e-150]],\"c\":[1,1]}]}"),
      new ExtremeTasks("singular", "{\"tasks\":[{\"H\":[[1,1],[1,1]],\"c\":[1,-1]}]}"),
      new ExtremeTasks("non-symmetric", "{\"tasks\":[{\"H\":[[1,2],[0,1]],\"c\":[1,1]}]}"),
      one("huge-centre", "1", "1e300"),
      one("tiny-centre", "1", "1e-200"));

  private static ExtremeTasks one(String name, String h, String c) {
    return new ExtremeTasks(name, "{\"tasks\":[{\"H\":[[" + h + "]],\"c\":[" + c + "]}]}");
  }

  private static final List<String> QUANTITIES = List.of("meta-objective", "meta-gradient",
      "meta-hessian", "meta-smoothness", "fixed-point", "stationary-point", "beta-threshold");

  private static final List<String> ESTIMATORS = List.of("maml", "fomaml", "hfmaml", "imaml", "maml-prox");

  /**
   * Every task set with every quantity; the estimator cycles through the five (so each pair of
   * task set and estimator, and each quantity with each estimator, occurs), text and JSON output
   * alternating.
   */
  static Stream<Arguments> oracleProbes() {
    List<Arguments> cases = new ArrayList<>();
    for (int t = 0; t < TASKS.size(); t++) {
      for (int q = 0; q < QUANTITIES.size(); q++) {
        String estimator = ESTIMATORS.get((t + q) % ESTIMATORS.size());
        cases.add(Arguments.of(TASKS.get(t), QUANTITIES.get(q), estimator, (t + q) % 2 == 0));
      }
    }
    return cases.stream();
  }

  private static List<String> estimatorOptions(String estimator, String quantity) {
    return switch (estimator) {
      case "maml", "fomaml" -> List.of("--alpha", "0.1", "--steps", "3");
      case "hfmaml" -> List.of("--alpha", "0.1");
      case "imaml" -> quantity.equals("meta-gradient")
          ? List.of("--lambda", "1", "--exact") : List.of("--lambda", "1");
      default -> List.of("--lambda", "1", "--inner-steps", "5", "--inner-lr", "0.1");
    };
  }

  @ParameterizedTest(name = "{0} {1} {2} json={3}")
  @MethodSource("oracleProbes")
  void oracleNeverCrashesNorPrintsNonFiniteNumbers(ExtremeTasks tasks, String quantity,
      String estimator, boolean json) throws Exception {
    List<String> args = new ArrayList<>(List.of("oracle", "--tasks", tasks.write().toString(),
        "--estimator", estimator, "--quantity", quantity));
    args.addAll(estimatorOptions(estimator, quantity));
    if (json) {
      args.add("--json");
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertSane(run);
    if (run.code() == 0 && json) {
      JsonNode o = run.json();
      JsonNode value = o.get("value");
      if (o.has("status")) {
        assertTrue(value.isNull(), run.toString());
        assertTrue(List.of("overflow", "undefined").contains(o.get("status").stringValue()), run.toString());
        assertFalse(o.get("reason").stringValue().isBlank(), run.toString());
      } else {
        assertFinite(value, run);
      }
    }
  }

  /** No exit 3, no non-finite number or exception name anywhere, one line for exit 2. */
  private static void assertSane(CliRun run) {
    assertNotEquals(MetaBoundCommand.INTERNAL_ERROR, run.code(), run.toString());
    String all = run.out() + run.err();
    for (String word : List.of("Infinity", "NaN", "Exception", "java.", "JsonToken")) {
      assertFalse(all.contains(word), "'" + word + "' printed: " + run);
    }
    if (run.code() == MetaBoundCommand.BAD_INPUT) {
      assertTrue(run.isOneLineError(), run.toString());
    }
  }

  private static void assertFinite(JsonNode value, CliRun run) {
    if (value.isArray()) {
      value.forEach(v -> assertFinite(v, run));
    } else if (!value.isNull()) {
      assertTrue(value.isNumber() && Double.isFinite(value.doubleValue()), run.toString());
    }
  }

  /** Extreme tasks that are read, and the values of {@code --steps} that probe the map. */
  static Stream<Arguments> heatmapProbes() {
    List<Arguments> cases = new ArrayList<>();
    List<String> steps = List.of("1", "1000", "2000000000");
    for (ExtremeTasks tasks : TASKS) {
      for (int s = 0; s < steps.size(); s++) {
        // a third of the pairs: every task set once, every steps value with several task sets
        if ((TASKS.indexOf(tasks) + s) % 3 == 0) {
          cases.add(Arguments.of(tasks, steps.get(s), s % 2 == 0 ? "maml" : "fomaml"));
        }
      }
    }
    cases.add(Arguments.of(one("four", "4", "1"), "1000", "maml"));
    cases.add(Arguments.of(one("four", "4", "1"), "1000", "fomaml"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} --steps {1} {2}")
  @MethodSource("heatmapProbes")
  void heatmapNeverCrashesNorCallsAnUnderflowConverged(ExtremeTasks tasks, String steps,
      String estimator) throws Exception {
    Path out = dir.resolve("heatmap-" + tasks.name() + "-" + steps + "-" + estimator);
    CliRun run = CliRun.of("heatmap", "--tasks", tasks.write().toString(), "--estimator", estimator,
        "--steps", steps, "--alpha", "0.01:0.5:4", "--beta", "0.01:1:4", "--iters", "50",
        "--format", "csv", "--out", out.toString());
    assertSane(run);
    if (run.code() == 0) {
      for (String line : Files.readAllLines(out.resolve("heatmap.csv")).subList(1, 17)) {
        String[] f = line.split(",");
        // a converged cell has a number for its rate, and rate 0.0 only when g_0 = 0 exactly
        if (f[2].equals("1")) {
          assertTrue(Double.isFinite(Double.parseDouble(f[3])), line);
        }
      }
    }
  }

  @Test
  void aStartGradientTooSmallToSquareIsDegenerateNotConverged() throws Exception {
    Path out = dir.resolve("heatmap-degenerate");
    CliRun run = CliRun.of("heatmap", "--tasks", one("tiny-centre", "1", "1e-200").write().toString(),
        "--alpha", "0.01:0.5:2", "--beta", "0.01:1:2", "--format", "csv", "--out", out.toString());
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("0 converged, 0 undecided, 0 diverged, 4 degenerate"), run.toString());
    for (String line : Files.readAllLines(out.resolve("heatmap.csv")).subList(1, 5)) {
      assertTrue(line.endsWith(",-2,NaN"), line);
    }
  }

  @Test
  void aMapThatUnderflowsToZeroIsDegenerateNotConvergedAtRateZero() throws Exception {
    // H = 4, N = 1000: for alpha <= 0.3775, (1 - 4 alpha)^2000 < 1e-600 underflows to 0
    Path out = dir.resolve("heatmap-underflow");
    CliRun run = CliRun.of("heatmap", "--tasks", one("four", "4", "1").write().toString(),
        "--steps", "1000", "--alpha", "0.01:0.5:4", "--beta", "0.01:1:4", "--format", "csv",
        "--out", out.toString());
    assertEquals(0, run.code(), run.toString());
    List<String> rows = Files.readAllLines(out.resolve("heatmap.csv"));
    for (String line : rows.subList(1, 13)) {
      assertTrue(line.endsWith(",-2,NaN"), line);
    }
    // the row alpha = 0.5 (|1 - 4 alpha| = 1) is computed as before
    assertEquals("0.5,0.2575,1,0.030000012015953828", rows.get(13));
    assertTrue(run.out().contains("12 degenerate"), run.out());
  }

  @Test
  void anOverflowingThresholdIsAStatusInWordsNotANumber() throws Exception {
    CliRun text = CliRun.of("oracle", "--tasks", TASKS.get(0).write().toString(), "--estimator", "maml",
        "--alpha", "0.1", "--steps", "1", "--quantity", "beta-threshold");
    assertEquals(0, text.code(), text.toString());
    assertTrue(text.out().startsWith("beta-threshold: overflow — "), text.toString());
    CliRun json = CliRun.of("oracle", "--tasks", TASKS.get(0).write().toString(), "--estimator", "maml",
        "--alpha", "0.1", "--steps", "1", "--quantity", "fixed-point", "--json");
    assertEquals(0, json.code(), json.toString());
    assertTrue(json.json().get("value").isNull(), json.toString());
    assertEquals("overflow", json.json().get("status").stringValue());
  }

  @Test
  void hessiansOutsideTheRepresentableRangeAreRejectedNamingTaskAndValue() throws Exception {
    for (ExtremeTasks tasks : List.of(TASKS.get(1), TASKS.get(3))) {
      CliRun run = CliRun.of("oracle", "--tasks", tasks.write().toString(), "--estimator", "maml",
          "--alpha", "0.1", "--steps", "1", "--quantity", "meta-objective");
      assertTrue(run.isOneLineError(), run.toString());
      assertTrue(run.err().contains("tasks[0].H") && run.err().contains("largest |entry| 1.0E"), run.toString());
    }
  }
}
