package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.io.Sha256;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    Path ok = writtenFile();
    CheckInputException e =
        assertThrows(CheckInputException.class, () -> Replay.replay(ok, id -> Optional.empty()));
    assertTrue(e.getMessage().contains("no check is registered for bound '"), e.getMessage());
  }

  /** A counterexample file as {@code check} writes it. */
  private Path writtenFile() throws Exception {
    Instance x =
        Instance.of(
            new TaskSet(List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{-2}}, new double[] {0})))),
            Map.of("alpha", 0.5, "N", 1.0),
            42L,
            "quadratic");
    CheckSettings settings = CheckSettings.defaults(1);
    CheckResult r = Fixtures.trueSmoothness().evaluate(x, settings);
    Path file = directory.resolve("written.json");
    CounterexampleFile.write(file, r, settings);
    return file;
  }

  private static ObjectNode json(Path file) throws Exception {
    return (ObjectNode) CounterexampleFile.JSON.readTree(Files.readString(file));
  }

  private static void save(Path file, JsonNode root) throws Exception {
    Files.writeString(file, CounterexampleFile.JSON.writeValueAsString(root));
  }

  @Test
  void aWrittenFileCarriesAChecksumThatSurvivesReformattingButNotAnEdit() throws Exception {
    Path file = writtenFile();
    ObjectNode root = json(file);
    assertTrue(Sha256.isDigest(root.get(CounterexampleFile.CHECKSUM).asString()), root.toString());
    assertTrue(CounterexampleFile.read(file).verified());
    // compact, with the members in another order: the same content, the same checksum
    ObjectNode reordered = CounterexampleFile.JSON.createObjectNode();
    List<String> names = new java.util.ArrayList<>(root.propertyNames());
    java.util.Collections.reverse(names);
    names.forEach(n -> reordered.set(n, root.get(n)));
    save(file, reordered);
    assertTrue(CounterexampleFile.read(file).verified());

    ((ObjectNode) root.get("recorded")).put("ratio", 0.5);
    save(file, root);
    CheckInputException e =
        assertThrows(CheckInputException.class, () -> CounterexampleFile.read(file));
    assertEquals(file + " was edited after it was written (checksum mismatch); delete the sha256"
        + " field to replay an edited file on purpose", e.getMessage());

    root.remove(CounterexampleFile.CHECKSUM);
    save(file, root);
    assertFalse(CounterexampleFile.read(file).verified(), "no checksum: read, but unverified");
  }

  /** Each row: a JSON pointer, the value to put there (absent: remove the member), the message. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/recorded/verdict||recorded.verdict: expected the recorded verdict as a string (missing)",
        "/recorded/verdict|\"MAYBE\"|recorded.verdict: unknown verdict MAYBE",
        "/recorded||recorded: missing",
        "/recorded/ratio||recorded.ratio: missing",
        "/recorded/precision|\"quad\"|recorded.precision: unknown precision 'quad'",
        "/settings/confidenceLevel|1.5|settings.confidenceLevel: must be in [0, 1], got 1.5",
        "/settings/confidenceLevel|0.5|settings.confidenceLevel: must be 1 - settings.familyWiseLevel",
        "/settings/confidenceLevel||settings.confidenceLevel: missing",
        "/settings/familyWiseLevel|\"Infinity\"|settings.familyWiseLevel: expected a finite number",
        "/settings/samples|1|settings.samples: expected an integer >= 2",
        "/settings/relativeTolerance|-1|settings.relativeTolerance: must be >= 0",
        "/settings||settings: missing",
        "/params/alpha|\"NaN\"|params.alpha: expected a finite number",
        "/params/alpha|1e999|params.alpha: expected a finite number",
        "/params||params: missing",
        "/seed|\"x\"|seed: expected an integer",
        "/seed||seed: missing",
        "/family||family: expected the instance family's name as a string (missing)",
        "/family|3|family: expected the instance family's name as a string, got 3",
        "/quantity||quantity: expected the quantity id as a string (missing)",
        "/shrinkSteps|[1]|shrinkSteps[0]: expected a string",
        "/tasks||tasks: missing",
        "/surprise|1|surprise: unknown field",
        "/sha256|\"abc\"|sha256: expected a SHA-256 (64 hex digits)",
      })
  void anInvalidFieldIsNamedWithItsProblem(String pointer, String value, String message)
      throws Exception {
    Path file = writtenFile();
    ObjectNode root = json(file);
    if (!pointer.equals("/sha256")) {
      root.remove(CounterexampleFile.CHECKSUM); // an edit on purpose: the fields are then checked
    }
    int cut = pointer.lastIndexOf('/');
    ObjectNode parent = cut == 0 ? root : (ObjectNode) root.at(pointer.substring(0, cut));
    String name = pointer.substring(cut + 1);
    if (value == null) {
      parent.remove(name);
    } else {
      parent.set(name, CounterexampleFile.JSON.readTree(value));
    }
    save(file, root);
    CheckInputException e =
        assertThrows(CheckInputException.class, () -> CounterexampleFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ": " + message), e.getMessage());
  }

  @Test
  void aFamilyTheChecksDomainDoesNotDrawFromIsUnknown() throws Exception {
    Path file = writtenFile();
    ObjectNode root = json(file);
    root.remove(CounterexampleFile.CHECKSUM);
    root.put("family", "cubic");
    save(file, root);
    CheckInputException e =
        assertThrows(
            CheckInputException.class,
            () -> Replay.replay(file, id -> Optional.of(Fixtures.trueSmoothness())));
    assertTrue(e.getMessage().contains(": family: unknown family 'cubic'"), e.getMessage());
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
