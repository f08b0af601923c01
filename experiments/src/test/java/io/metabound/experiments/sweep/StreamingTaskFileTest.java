package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskFileException;
import io.metabound.experiments.task.TaskSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingTaskFileTest {

  @TempDir Path dir;

  /** The project's reader (databind). */
  private static TaskSet viaDatabind(Path file) {
    return QuadraticTaskFile.read(file);
  }

  @Test
  void readsTheSameTasksAsTheProjectReader() throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(file, "{\"family\":\"quadratic\",\"seed\":3,\"params\":{\"alpha\":0.1},"
        + "\"tasks\":[{\"H\":[[2,0.5],[0.5,1]],\"c\":[1,-1],\"note\":{\"x\":[1,2]}},"
        + "{\"H\":[[3,0],[0,0.5]],\"c\":[0,2],\"G\":[[1,0],[0,1]],\"e\":[0.5,0.25],\"weight\":2.5},"
        + "{\"H\":[[1e-3,0],[0,-4]],\"c\":[1e300,-2.5e-7],\"weight\":0},"
        // asymmetric within 1e-12 relative: both readers store the mean of the pair
        + "{\"H\":[[2,0.30000000000000004],[0.3,1]],\"c\":[0,0]}]}");
    TaskSet streamed = StreamingTaskFile.read(file);
    assertEquals(viaDatabind(file), streamed);
    assertEquals(4, streamed.size());
    assertEquals(2.5 / 4.5, streamed.probability(1), 1e-15);
  }

  @Test
  void readsTheBenchmarkTaskFileLikeTheProjectReader() throws Exception {
    Path bench = Path.of("..", "bench", "tasks-8x10.json");
    if (Files.isRegularFile(bench)) {
      assertEquals(viaDatabind(bench), StreamingTaskFile.read(bench));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "[1,2]; expected a JSON object",
        "{\"tasks\":[]}; tasks: expected a non-empty array",
        "{\"x\":1}; tasks: expected a non-empty array",
        "{\"tasks\":[{\"H\":[[1]]}]}; tasks[0].c: expected a non-empty array",
        "{\"tasks\":[{\"H\":[[1,2],[3,1]],\"c\":[0,0]}]}; tasks[0].H: not symmetric",
        "{\"tasks\":[{\"H\":[[1,0]],\"c\":[0,0]}]}; tasks[0].H: expected a 2x2 array",
        "{\"tasks\":[{\"H\":[[1,0],[0]],\"c\":[0,0]}]}; tasks[0].H[1]: has 1 entries",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[\"x\"]}]}; tasks[0].c[0]: expected a number",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[\"NaN\"]}]}; tasks[0].c[0]: must be a finite number",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0],\"G\":[[1]]}]}; tasks[0].e: G and e come together",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0],\"weight\":-1}]}; tasks[0].weight: must be finite",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0]},{\"H\":[[1,0],[0,1]],\"c\":[0,0]}]}; tasks[1].c: dimension 2 differs",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0]}; not valid JSON",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0],\"c\":[1]}]}; not valid JSON",
        "{\"tasks\":[{\"H\":[[1]],\"c\":[0]}]} {}; trailing content"
      })
  void rejectsBadFilesNamingTheField(String json, String message) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json);
    SweepInputException e = assertThrows(SweepInputException.class, () -> StreamingTaskFile.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    // the project's reader rejects the same files
    assertThrows(TaskFileException.class, () -> viaDatabind(file));
  }

  @Test
  void missingFile() {
    SweepInputException e = assertThrows(SweepInputException.class,
        () -> StreamingTaskFile.read(dir.resolve("none.json")));
    assertTrue(e.getMessage().contains("no such task file"));
  }
}
