package io.metabound.experiments.task;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.sweep.StreamingTaskFile;
import io.metabound.experiments.sweep.SweepInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hessian magnitudes outside 1e-150..1e150 are rejected by both readers and the family. */
class RepresentableScaleTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "0, true", "1, true", "1e150, true", "1e-150, true", "1e-100, true", "-1e150, true",
    "1.0000001e150, false", "1e300, false", "9.9e-151, false", "1e-300, false", "-1e200, false"
  })
  void classifiesTheLargestEntry(double entry, boolean representable) {
    String problem = RepresentableScale.problem(RepresentableScale.of(new double[][] {{0, entry}}));
    if (representable) {
      assertNull(problem);
    } else {
      assertNotNull(problem);
      assertTrue(problem.contains(Double.toString(Math.abs(entry))), problem);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e151", "-1e300", "1e-151", "5e-324"})
  void bothReadersRejectTheTaskNamingFieldAndValue(String entry) throws Exception {
    String json = "{\"tasks\":[{\"H\":[[1,0],[0,1]],\"c\":[0,0]},"
        + "{\"H\":[[" + entry + ",0],[0," + entry + "]],\"c\":[1,1],\"G\":[[1,0],[0,1]],\"e\":[0,0]}]}";
    Path file = dir.resolve("extreme.json");
    Files.writeString(file, json);
    String value = Double.toString(Math.abs(Double.parseDouble(entry)));
    SweepInputException streaming = assertThrows(SweepInputException.class, () -> StreamingTaskFile.read(file));
    assertTrue(streaming.getMessage().contains("tasks[1].H") && streaming.getMessage().contains(value),
        streaming.getMessage());
    TaskFileException project = assertThrows(TaskFileException.class, () -> QuadraticTaskFile.read(file));
    assertTrue(project.getMessage().contains("tasks[1]") && project.getMessage().contains(value),
        project.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spectrum=1:1e200", "spectrum=-1e151:1", "spectrum=1e-200:1e-160"})
  void theFamilyRejectsASpectrumOutsideTheRange(String spectrum) {
    FamilySpecException e = assertThrows(FamilySpecException.class,
        () -> QuadraticFamily.parse("quadratic:dim=2,tasks=2,seed=1," + spectrum));
    assertTrue(e.getMessage().contains("|eigenvalue|"), e.getMessage());
  }
}
