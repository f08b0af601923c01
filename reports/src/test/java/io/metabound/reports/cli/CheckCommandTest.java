package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.CounterexampleFile;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.plan.RegistryPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The check command end to end on test-only checks ({@link PlantedChecks}): a planted wrong bound
 * must fail the run (exit 1) with a shrunk counterexample that {@code --replay} reproduces; a true
 * bound must pass (exit 0).
 */
class CheckCommandTest {

  private static final List<String> ROW_FIELDS =
      List.of("bound", "verdict", "empirical", "theoretical", "ratio", "instance", "seed");

  @TempDir Path dir;

  private static JsonNode read(Path file) throws Exception {
    return JsonMapper.builder().build().readTree(Files.readString(file));
  }

  @Test
  void aPlantedViolationIsExitOneWithAShrunkCounterexampleThatReplays() throws Exception {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    Path out = dir.resolve("out");
    CliRun run = CliRun.with(planted, "check", "--all", "--seed", "42", "--out", out.toString());
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.out().startsWith("check: seed 42, all 120 registered bounds: 1 checked, 120 not checkable"),
        run.out());
    assertTrue(run.out().contains("1 VIOLATED (1 unexpected)"), run.out());

    // the summary files and the counterexample are in --out
    assertTrue(Files.isRegularFile(out.resolve(SuiteSummary.JSON_FILE)));
    assertTrue(Files.isRegularFile(out.resolve(SuiteSummary.MARKDOWN_FILE)));
    Path file = out.resolve(CounterexampleFile.fileName(PlantedChecks.PLANTED));
    assertTrue(run.out().contains("counterexample for " + PlantedChecks.PLANTED + ": " + file), run.out());
    JsonNode counterexample = read(file);
    assertEquals(PlantedChecks.PLANTED, counterexample.get("bound").asString());
    long instanceSeed = counterexample.get("seed").asLong();
    // shrunk: one task, one inner step (already (1 + αL)² > 1), at most d = 2
    assertEquals(1, counterexample.get("tasks").size(), counterexample.toString());
    assertEquals(1.0, counterexample.get("params").get("N").doubleValue(), counterexample.toString());
    assertTrue(counterexample.get("tasks").get(0).get("c").size() <= 2);
    assertFalse(counterexample.get("shrinkSteps").isEmpty());
    double ratio = counterexample.get("recorded").get("ratio").doubleValue();
    assertTrue(ratio > 1, "ratio " + ratio);

    CliRun replay = CliRun.with(planted, "check", "--replay", file.toString());
    assertEquals(0, replay.code(), "a replay that reproduces is exit 0\n" + replay);
    assertEquals("", replay.err(), "a file written by check is verified: no note");
    assertTrue(replay.out().contains("reproduced the recorded verdict VIOLATED"), replay.out());
    assertTrue(replay.out().contains("instance seed " + instanceSeed), replay.out());

    CliRun replayJson = CliRun.with(planted, "check", "--replay", file.toString(), "--json");
    assertEquals(0, replayJson.code(), replayJson.toString());
    JsonNode row = replayJson.json().get(0);
    assertEquals("VIOLATED", row.get("verdict").asString());
    assertEquals(ratio, row.get("ratio").doubleValue(), 0.0, "the replay is bit-identical");
    assertEquals(instanceSeed, row.get("seed").asLong());
  }

  @Test
  void aHoldingCheckIsExitZeroAndTight() {
    CliRun run = CliRun.with(PlantedChecks.factory(PlantedChecks.holding()), "check", "--bound",
        PlantedChecks.HOLDING, "--seed", "7", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().contains("check: seed 7, bound " + PlantedChecks.HOLDING), run.err());
    JsonNode rows = run.json();
    assertEquals(1, rows.size(), "--bound runs that bound only");
    JsonNode row = rows.get(0);
    assertEquals("HOLDS", row.get("verdict").asString());
    // one task with H = −L attains (1 + αL)^{2N} L: the largest ratio is 1 (up to the search)
    assertTrue(row.get("ratio").doubleValue() <= 1 + 1e-9, row.toString());
    assertTrue(row.get("ratio").doubleValue() > 0.9, row.toString());
    assertEquals(7, row.get("suiteSeed").asLong());
    assertEquals("FAILS_AS_REQUIRED", row.get("negativeControl").get("status").asString());
  }

  @Test
  void jsonListsEveryBoundWithTheDocumentedFieldsAndTheReasonsOfTheUncheckable() {
    CliRun run = CliRun.with(PlantedChecks.factory(PlantedChecks.holding()), "check", "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode rows = run.json();
    assertEquals(1 + BoundRegistry.all().size(), rows.size());
    Map<String, String> reasons = new HashMap<>();
    for (JsonNode row : rows) {
      for (String field : ROW_FIELDS) {
        assertTrue(row.has(field), field + " missing in " + row);
      }
      assertEquals(RegistryPlans.DEFAULT_SEED, row.get("suiteSeed").asLong(), "the default seed");
      if (row.get("verdict").asString().equals("NOT_CHECKABLE")) {
        assertTrue(row.get("ratio").isNull());
        assertTrue(row.get("seed").isNull(), "nothing was run");
        reasons.put(row.get("bound").asString(), row.get("reason").asString());
      }
    }
    for (NotCheckable n : PlantedChecks.unplanned(BoundRegistry.all())) {
      assertEquals(n.reason(), reasons.get(n.boundId()));
      assertFalse(n.reason().isBlank());
    }
    assertEquals(BoundRegistry.all().size(), reasons.size());
  }

  @Test
  void theSameSeedGivesByteIdenticalOutput() {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    CliRun first = CliRun.with(planted, "check", "--paper", "ji2022", "--seed", "3", "--json", "--out", a.toString());
    CliRun second = CliRun.with(planted, "check", "--paper", "ji2022", "--seed", "3", "--json", "--out", b.toString());
    assertEquals(1, first.code(), first.toString());
    assertEquals(first.out().replace(a.toString(), "DIR"), second.out().replace(b.toString(), "DIR"));
  }

  @Test
  void theBudgetCapsEachChecksSearch() {
    CliRun run = CliRun.with(PlantedChecks.factory(PlantedChecks.holding()), "check", "--bound",
        PlantedChecks.HOLDING, "--budget", "1e-9", "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.err().contains("time cap per check: 1.00000e-09 s"), run.err());
    assertTrue(run.json().get(0).get("search").get("timeCapHit").asBoolean(), run.out());
  }

  @Test
  void theRealRegistryListsADefinitionAsNotCheckableWithItsReason() {
    CliRun run = CliRun.of("check", "--bound", "ji2022.cor6.inner-stepsize");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("seed " + RegistryPlans.DEFAULT_SEED), run.out());
    assertTrue(run.out().contains("ji2022.cor6.inner-stepsize: DEFINITION: a definition or parameter choice"),
        run.out());
  }

  @Test
  void unknownBoundsAndPapersAndConflictingSelectorsAreOneLineErrors() {
    CliRun bound = CliRun.of("check", "--bound", "ji2022.prop1.smoothness");
    assertTrue(bound.isOneLineError(), bound.toString());
    assertTrue(bound.err().contains("did you mean ji2022.prop1.meta-smoothness"), bound.err());
    CliRun paper = CliRun.of("check", "--paper", "Finn2017");
    assertTrue(paper.isOneLineError(), paper.toString());
    CliRun both = CliRun.of("check", "--all", "--paper", "ji2022");
    assertTrue(both.isOneLineError(), both.toString());
    CliRun budget = CliRun.of("check", "--bound", "ji2022.cor6.inner-stepsize", "--budget", "0");
    assertTrue(budget.isOneLineError(), budget.toString());
    CliRun replayAndBound = CliRun.of("check", "--replay", "x.json", "--all");
    assertTrue(replayAndBound.isOneLineError(), replayAndBound.toString());
  }

  @Test
  void badReplayFilesAreOneLineErrorsNamingTheFileAndField() throws Exception {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    String[][] cases = {
      {"{\"seed\":1,\"params\":{\"N\":1,\"alpha\":0.5},\"tasks\":[{\"H\":[[-2]],\"c\":[0]}]}", ": bound: "},
      {"{\"bound\":\"" + PlantedChecks.PLANTED + "\",\"params\":{\"N\":1,\"alpha\":0.5},"
          + "\"tasks\":[{\"H\":[[1,2],[3,1]],\"c\":[0,0]}]}", ": tasks[0].H: not symmetric"},
      {"{\"bound\":\"" + PlantedChecks.PLANTED + "\",\"params\":{\"N\":\"one\"},"
          + "\"tasks\":[{\"H\":[[-2]],\"c\":[0]}]}", ": params.N: expected a finite number"},
      {"{\"bound\":", ": not valid JSON"}
    };
    for (String[] c : cases) {
      Path file = dir.resolve("bad.json");
      Files.writeString(file, c[0]);
      CliRun run = CliRun.with(planted, "check", "--replay", file.toString());
      assertTrue(run.isOneLineError(), c[0] + "\n" + run);
      assertTrue(run.err().contains(file + c[1]), c[0] + "\n" + run.err());
    }
    CliRun missing = CliRun.with(planted, "check", "--replay", dir.resolve("none.json").toString());
    assertTrue(missing.isOneLineError(), missing.toString());
  }

  /** The counterexample file {@code check} writes for the planted violation. */
  private Path plantedCounterexample(CommandLine.IFactory planted) throws Exception {
    Path out = dir.resolve("ce");
    CliRun run = CliRun.with(planted, "check", "--bound", PlantedChecks.PLANTED, "--seed", "42",
        "--out", out.toString());
    assertEquals(1, run.code(), run.toString());
    return out.resolve(CounterexampleFile.fileName(PlantedChecks.PLANTED));
  }

  /** Applies {@code edit} to the file's JSON, with or without its checksum kept. */
  private static void edit(Path file, boolean keepChecksum, java.util.function.Consumer<ObjectNode> edit)
      throws Exception {
    ObjectNode root = (ObjectNode) read(file);
    if (!keepChecksum) {
      root.remove(CounterexampleFile.CHECKSUM);
    }
    edit.accept(root);
    Files.writeString(file, JsonMapper.builder().build().writeValueAsString(root));
  }

  @Test
  void aReplayFileEditedAfterItWasWrittenIsRefusedUntilItsChecksumIsDeleted() throws Exception {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    Path file = plantedCounterexample(planted);
    edit(file, true, root -> ((ObjectNode) root.get("recorded")).put("verdict", "HOLDS"));
    CliRun edited = CliRun.with(planted, "check", "--replay", file.toString());
    assertTrue(edited.isOneLineError(), edited.toString());
    assertTrue(edited.err().contains(file + " was edited after it was written (checksum mismatch);"
        + " delete the sha256 field to replay an edited file on purpose"), edited.err());

    // edited on purpose (checksum deleted): replayed, unverified, and it does not reproduce
    edit(file, false, root -> {});
    CliRun unverified = CliRun.with(planted, "check", "--replay", file.toString());
    assertEquals(1, unverified.code(), "a replay that does not reproduce is exit 1\n" + unverified);
    assertTrue(unverified.out().contains("did NOT reproduce the recorded verdict HOLDS; now VIOLATED"),
        unverified.out());
    assertEquals("metabound: note: " + file + " has no sha256 checksum: replaying it unverified",
        unverified.err().strip());
  }

  @Test
  void anUnverifiedFileThatReproducesIsExitZeroWithTheNote() throws Exception {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    Path file = plantedCounterexample(planted);
    edit(file, false, root -> {});
    CliRun run = CliRun.with(planted, "check", "--replay", file.toString(), "--json");
    assertEquals(0, run.code(), run.toString());
    assertEquals("VIOLATED", run.json().get(0).get("verdict").asString());
    assertTrue(run.err().contains("replaying it unverified"), run.err());
  }

  @Test
  void invalidReplayFilesAreOneLineErrorsNamingTheField() throws Exception {
    CommandLine.IFactory planted = PlantedChecks.factory(PlantedChecks.planted());
    Path written = plantedCounterexample(planted);
    String original = Files.readString(written);
    Map<String, java.util.function.Consumer<ObjectNode>> edits = new java.util.LinkedHashMap<>();
    edits.put(": recorded.verdict: expected the recorded verdict as a string (missing)",
        root -> ((ObjectNode) root.get("recorded")).remove("verdict"));
    edits.put(": settings.confidenceLevel: must be in [0, 1], got 1.5",
        root -> ((ObjectNode) root.get("settings")).put("confidenceLevel", 1.5));
    edits.put(": family: unknown family 'cubic' for bound " + PlantedChecks.PLANTED,
        root -> root.put("family", "cubic"));
    edits.put(": params: the bound L needs symbol 'alpha'",
        root -> ((ObjectNode) root.get("params")).remove("alpha"));
    edits.put(": bound: no check is registered for bound 'nobody.knows.this'",
        root -> root.put("bound", "nobody.knows.this"));
    edits.put(": params.alpha: expected a finite number",
        root -> ((ObjectNode) root.get("params")).put("alpha", "Infinity"));
    for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> e : edits.entrySet()) {
      Files.writeString(written, original);
      edit(written, false, e.getValue());
      CliRun run = CliRun.with(planted, "check", "--replay", written.toString());
      assertTrue(run.isOneLineError(), e.getKey() + "\n" + run);
      assertTrue(run.err().contains(written + e.getKey()), e.getKey() + "\n" + run.err());
    }
  }
}
