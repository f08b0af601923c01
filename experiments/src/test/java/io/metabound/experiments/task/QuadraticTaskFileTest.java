package io.metabound.experiments.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuadraticTaskFileTest {

  @TempDir Path dir;

  private static final String TWO_D = "{\"H\": [[2, 1], [1, 3]], \"c\": [1, -1]}";

  private String failure(String json) {
    Path file = dir.resolve("tasks.json");
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    TaskFileException e = assertThrows(TaskFileException.class, () -> QuadraticTaskFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
    return e.getMessage().substring(file.toString().length() + 2);
  }

  @Test
  void readsResamplingTasksWithTheSameLossObject() throws IOException {
    Path file = dir.resolve("t.json");
    Files.writeString(
        file,
        "{\"tasks\": ["
            + TWO_D
            + ", {\"H\": [[1, 0], [0, 1]], \"c\": [0, 0],"
            + " \"weight\": 3}], \"comment\": \"ignored\"}");
    TaskSet tasks = QuadraticTaskFile.read(file);
    assertEquals(2, tasks.size());
    assertEquals(2, tasks.dimension());
    assertSame(tasks.get(0).inner(), tasks.get(0).outer());
    QuadraticLoss first = (QuadraticLoss) tasks.get(0).inner();
    assertArrayEquals(new double[] {2, 1, 1, 3}, first.hessian());
    assertArrayEquals(new double[] {1, -1}, first.centre());
    assertEquals(1, tasks.get(0).weight());
    assertEquals(0.75, tasks.probability(1));
  }

  @Test
  void offsetsAreReadAddedToValuesAndWrittenBack() {
    // f(w) = ½ (w − 1)² · 4 + 0.25 and a test loss ½ (w − 2)² · 1 + 0.5; at w = 0: 2.25 and 2.5
    TaskSet tasks =
        QuadraticTaskFile.parse(
            "{\"tasks\": [{\"H\": [[4]], \"c\": [1], \"offset\": 0.25,"
                + " \"G\": [[1]], \"e\": [2], \"outer_offset\": 0.5}]}",
            "t.json");
    assertEquals(2.25, tasks.get(0).inner().value(new double[] {0}));
    assertEquals(2.5, tasks.get(0).outer().value(new double[] {0}));
    String json = QuadraticTaskFile.toJson(tasks);
    assertTrue(json.contains("\"offset\": 0.25") && json.contains("\"outer_offset\": 0.5"), json);
    assertEquals(tasks.tasks(), QuadraticTaskFile.parse(json, "again.json").tasks());
    // a plain file has no offset fields, so existing files are written byte for byte as before
    assertFalse(QuadraticTaskFile.toJson(QuadraticTaskFile.parse("{\"tasks\": [" + TWO_D + "]}", "p"))
        .contains("offset"));
    assertTrue(
        failure("{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"outer_offset\": 1}]}")
            .contains("outer_offset"));
  }

  @Test
  void readsFiniteSumTasks() {
    TaskSet tasks =
        QuadraticTaskFile.parse(
            "{\"tasks\": [{\"H\": [[2]], \"c\": [1], \"G\": [[5]]," + " \"e\": [0.5]}]}", "inline");
    MetaTask t = tasks.get(0);
    assertFalse(t.isSameLoss());
    assertArrayEquals(new double[] {5}, ((QuadraticLoss) t.outer()).hessian());
    assertArrayEquals(new double[] {0.5}, ((QuadraticLoss) t.outer()).centre());
  }

  @Test
  void roundTripIsBitForBit() {
    TaskSet original = new QuadraticFamily(3, 4, -1, 5, 2, 0.3, false, 99).generate();
    List<MetaTask> weighted = new java.util.ArrayList<>(original.tasks());
    weighted.set(1, new MetaTask(weighted.get(1).inner(), weighted.get(1).outer(), 0.1 + 0.2));
    weighted.set(2, MetaTask.same(weighted.get(2).inner()));
    TaskSet tasks = new TaskSet(weighted);
    Path file = dir.resolve("sub/dir/counterexample.json");
    QuadraticTaskFile.write(tasks, file);
    TaskSet back = QuadraticTaskFile.read(file);
    assertEquals(tasks, back);
    assertSame(back.get(2).inner(), back.get(2).outer());
    assertEquals(0.1 + 0.2, back.get(1).weight());
    // nothing but the target is left in the directory (the temporary file was moved)
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file.getFileName()), files.map(Path::getFileName).toList());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    // overwriting works too
    QuadraticTaskFile.write(back, file);
    assertEquals(tasks, QuadraticTaskFile.read(file));
  }

  @Test
  void symmetryWithinToleranceIsAcceptedAndSymmetrised() {
    // 1 + 1e-15 vs 1: relative asymmetry 1e-15/3 < 1e-12
    TaskSet tasks =
        QuadraticTaskFile.parse(
            "{\"tasks\": [{\"H\": [[3, 1.000000000000001], [1, 2]], \"c\": [0, 0]}]}", "x");
    QuadraticLoss loss = (QuadraticLoss) tasks.get(0).inner();
    assertEquals(loss.h(0, 1), loss.h(1, 0));
  }

  @Test
  void missingFile() {
    TaskFileException e =
        assertThrows(
            TaskFileException.class, () -> QuadraticTaskFile.read(dir.resolve("nope.json")));
    assertTrue(e.getMessage().contains("no such task file"), e.getMessage());
  }

  @Test
  void notJson() {
    assertTrue(failure("{\"tasks\": [").startsWith("not valid JSON"));
    assertTrue(failure("{\"tasks\": []} trailing").startsWith("not valid JSON"));
  }

  @Test
  void duplicateKey() {
    assertTrue(
        failure("{\"tasks\": [{\"H\": [[1]], \"H\": [[2]], \"c\": [0]}]}")
            .startsWith("not valid JSON"));
  }

  @Test
  void notAnObject() {
    assertEquals("expected a JSON object with a \"tasks\" array", failure("[1, 2]"));
  }

  @Test
  void missingTasks() {
    assertTrue(failure("{\"task\": []}").startsWith("tasks: missing"));
  }

  @Test
  void tasksNotAnArray() {
    assertEquals("tasks: expected an array of tasks, got an object", failure("{\"tasks\": {}}"));
  }

  @Test
  void emptyTaskList() {
    assertEquals("tasks: empty list; need at least one task", failure("{\"tasks\": []}"));
  }

  @Test
  void taskNotAnObject() {
    assertTrue(
        failure("{\"tasks\": [" + TWO_D + ", 7]}").startsWith("tasks[1]: expected an object"));
  }

  @Test
  void missingH() {
    assertEquals("tasks[0]: missing \"H\"", failure("{\"tasks\": [{\"c\": [1]}]}"));
  }

  @Test
  void missingC() {
    assertEquals("tasks[0]: missing \"c\"", failure("{\"tasks\": [{\"H\": [[1]]}]}"));
  }

  @Test
  void hNotSquare() {
    assertEquals(
        "tasks[0].H: not square (row 1 has 3 entries, H has 2 rows)",
        failure("{\"tasks\": [{\"H\": [[1, 0], [0, 1, 2]], \"c\": [0, 0]}]}"));
  }

  @Test
  void hRowNotAnArray() {
    assertEquals(
        "tasks[0].H[1]: expected a row (array of numbers), got 5",
        failure("{\"tasks\": [{\"H\": [[1, 0], 5], \"c\": [0, 0]}]}"));
  }

  @Test
  void centreLengthDiffersFromH() {
    assertEquals(
        "tasks[0].c: has 3 entries, H is 2x2",
        failure("{\"tasks\": [{\"H\": [[1, 0], [0, 1]], \"c\": [0, 0, 0]}]}"));
  }

  @Test
  void dimensionDiffersAcrossTasks() {
    assertEquals(
        "tasks[1].H: dimension 1 differs from tasks[0] (dimension 2)",
        failure("{\"tasks\": [" + TWO_D + ", {\"H\": [[1]], \"c\": [0]}]}"));
  }

  @Test
  void nonFiniteNumber() {
    // 1e999 overflows to +Infinity when read as a double
    assertTrue(
        failure("{\"tasks\": [{\"H\": [[1e999]], \"c\": [0]}]}")
            .startsWith("tasks[0].H[0][0]: not finite"));
  }

  @Test
  void nonNumericEntry() {
    assertEquals(
        "tasks[0].c[1]: not a number (the string \"x\")",
        failure("{\"tasks\": [{\"H\": [[1, 0], [0, 1]], \"c\": [0, \"x\"]}]}"));
    assertEquals(
        "tasks[0].H[0][0]: not a number (null)",
        failure("{\"tasks\": [{\"H\": [[null]], \"c\": [0]}]}"));
    assertEquals(
        "tasks[0].H[0][0]: not a number (the string \"NaN\")",
        failure("{\"tasks\": [{\"H\": [[\"NaN\"]], \"c\": [0]}]}"));
  }

  @Test
  void asymmetricH() {
    assertEquals(
        "tasks[3].H: not symmetric (H[0][1]=2 vs H[1][0]=3)",
        failure(
            "{\"tasks\": ["
                + TWO_D
                + ","
                + TWO_D
                + ","
                + TWO_D
                + ", {\"H\": [[1, 2], [3, 1]], \"c\": [0, 0]}]}"));
  }

  @Test
  void asymmetricG() {
    assertEquals(
        "tasks[0].G: not symmetric (G[0][1]=0.5 vs G[1][0]=0.25)",
        failure(
            "{\"tasks\": [{\"H\": [[1, 0], [0, 1]], \"c\": [0, 0], \"G\": [[1, 0.5], [0.25, 1]],"
                + " \"e\": [0, 0]}]}"));
  }

  @Test
  void gWithoutE() {
    assertEquals(
        "tasks[0]: \"G\" given without \"e\" (a test loss needs both)",
        failure("{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"G\": [[1]]}]}"));
    assertEquals(
        "tasks[0]: \"e\" given without \"G\" (a test loss needs both)",
        failure("{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"e\": [1]}]}"));
  }

  @Test
  void gDimensionDiffers() {
    assertEquals(
        "tasks[0].G: dimension 2 differs from tasks[0] (dimension 1)",
        failure(
            "{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"G\": [[1, 0], [0, 1]], \"e\": [0, 0]}]}"));
  }

  @Test
  void negativeWeight() {
    assertEquals(
        "tasks[0].weight: negative (-2); weights must be >= 0",
        failure("{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"weight\": -2}]}"));
  }

  @Test
  void allWeightsZero() {
    assertTrue(
        failure("{\"tasks\": [{\"H\": [[1]], \"c\": [0], \"weight\": 0}]}")
            .startsWith("tasks: task weights sum to 0"));
  }

  @Test
  void writingRejectsNonFiniteNumbersAndLeavesNoFile() {
    TaskSet bad =
        new TaskSet(
            List.of(
                MetaTask.same(QuadraticLoss.of(new double[][] {{Double.NaN}}, new double[] {0}))));
    Path file = dir.resolve("bad.json");
    TaskFileException e =
        assertThrows(TaskFileException.class, () -> QuadraticTaskFile.write(bad, file));
    assertTrue(e.getMessage().contains("tasks[0].H[0][0]: not finite"), e.getMessage());
    assertFalse(Files.exists(file));
  }
}
