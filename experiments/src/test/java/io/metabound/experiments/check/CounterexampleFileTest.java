package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterexampleFileTest {

  @TempDir Path directory;

  @Test
  void roundTripKeepsTasksParametersSeedAndSeparateOuterLosses() throws Exception {
    QuadraticLoss h = QuadraticLoss.of(new double[][] {{2, 0.1}, {0.1, -1}}, new double[] {0.5, 0});
    QuadraticLoss g = QuadraticLoss.of(new double[][] {{1, 0}, {0, 3}}, new double[] {0, 1});
    Instance x =
        Instance.of(
            new TaskSet(List.of(new MetaTask(h, g, 2.0), MetaTask.same(g))),
            Map.of("alpha", 0.1, "N", 3.0),
            123456789012345L,
            "quadratic");
    BoundCheck check = Fixtures.trueSmoothness();
    CheckSettings settings = CheckSettings.defaults(1);
    CheckResult r = check.evaluate(x, settings);
    Path file = directory.resolve("cx.json");
    CounterexampleFile.write(file, r, settings);

    CounterexampleFile.Counterexample back = CounterexampleFile.read(file);
    assertEquals(check.boundId(), back.boundId());
    assertEquals(x, back.instance());
    assertEquals(r.verdict(), back.recordedVerdict());
    Replay.Outcome o = Replay.replay(file, id -> Optional.of(check));
    assertEquals(r.ratio(), o.result().ratio());
    assertTrue(o.reproduced());
  }

  @Test
  void badFilesNameTheFieldAndTheProblem() throws Exception {
    assertProblem("{\"tasks\": []}", "bound: expected the bound id");
    assertProblem("{\"bound\": \"b\", \"tasks\": []}", "tasks: empty list");
    assertProblem(
        "{\"bound\": \"b\", \"tasks\": [{\"H\": [[1, 2], [3, 4]], \"c\": [0, 0]}]}",
        "tasks[0].H: not symmetric");
    assertProblem(
        "{\"bound\": \"b\", \"tasks\": [{\"H\": [[1]], \"c\": [0, 0]}]}",
        "tasks[0].c: has 2 entries, H is 1x1");
    assertProblem(
        "{\"bound\": \"b\", \"tasks\": [{\"H\": [[1]], \"c\": [\"x\"]}]}",
        "tasks[0].c[0]: not a number");
    assertProblem(
        "{\"bound\": \"b\", \"tasks\": [{\"H\": [[1]], \"c\": [0], \"G\": [[1]]}]}",
        "tasks[0]: \"G\" given without \"e\"");
    assertProblem(
        "{\"bound\": \"b\", \"bound\": \"c\", \"tasks\": [{\"H\": [[1]], \"c\": [0]}]}",
        "Duplicate Object property \"bound\"");
    assertProblem(
        "{\"bound\": \"b\", \"params\": {\"alpha\": \"fast\"}, \"tasks\": [{\"H\": [[1]], \"c\":"
            + " [0]}]}",
        "params.alpha");
    assertProblem("{\"bound\": ", "not valid JSON");

    Path ok = directory.resolve("unknown.json");
    Files.writeString(ok, "{\"bound\": \"nope\", \"tasks\": [{\"H\": [[1]], \"c\": [0]}]}");
    CheckInputException e =
        assertThrows(CheckInputException.class, () -> Replay.replay(ok, id -> Optional.empty()));
    assertTrue(e.getMessage().contains("no check is registered for bound 'nope'"), e.getMessage());
  }

  private void assertProblem(String content, String expected) throws Exception {
    Path file = directory.resolve("bad.json");
    Files.writeString(file, content);
    CheckInputException e =
        assertThrows(CheckInputException.class, () -> CounterexampleFile.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
