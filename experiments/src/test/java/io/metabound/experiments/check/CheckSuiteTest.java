package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CheckSuiteTest {

  @TempDir Path directory;

  private static CheckSuite suite() {
    return new CheckSuite()
        .add(Fixtures.trueSmoothness())
        .add(Fixtures.plantedViolation())
        .add(Fixtures.looseSmoothness())
        .add(
            new BoundCheck(
                "test.noisy.meta-smoothness-at-most-twice-the-bound",
                Comparison.AT_MOST,
                Fixtures.trueSmoothnessBound().scaled(2),
                Fixtures.noisy(0.05),
                Fixtures.indefiniteQuadratics()))
        .addNotCheckable("test.order.floor", "an O(·) statement without explicit constants");
  }

  private CheckSettings settings(long seed) {
    return CheckSettings.defaults(seed)
        .withEvaluationBudget(120)
        .withSamples(50, 400)
        .withCounterexampleDirectory(directory.resolve("counterexamples"));
  }

  @Test
  void sameSeedGivesIdenticalBytes() throws Exception {
    SuiteSummary first = suite().run(settings(7));
    first.writeTo(directory.resolve("a"));
    SuiteSummary second = suite().run(settings(7));
    second.writeTo(directory.resolve("b"));
    assertArrayEquals(
        Files.readAllBytes(directory.resolve("a").resolve(SuiteSummary.JSON_FILE)),
        Files.readAllBytes(directory.resolve("b").resolve(SuiteSummary.JSON_FILE)));
    assertArrayEquals(
        Files.readAllBytes(directory.resolve("a").resolve(SuiteSummary.MARKDOWN_FILE)),
        Files.readAllBytes(directory.resolve("b").resolve(SuiteSummary.MARKDOWN_FILE)));
  }

  @Test
  void summaryListsEveryBoundWithVerdictsAndTheFamilyWiseLevel() throws Exception {
    SuiteSummary s = suite().run(settings(3));
    assertEquals(4, s.results().size());
    assertEquals(Verdict.HOLDS, s.results().get(0).verdict());
    assertEquals(Verdict.VIOLATED, s.results().get(1).verdict());
    assertEquals(Verdict.HOLDS, s.results().get(2).verdict());
    assertEquals(Verdict.HOLDS, s.results().get(3).verdict());
    assertEquals(1, s.monteCarloChecks());
    assertEquals(List.of(s.results().get(1)), s.unexpectedViolations());
    assertTrue(s.failedNegativeControls().isEmpty());

    s.writeTo(directory);
    JsonNode json =
        CounterexampleFile.JSON.readTree(
            Files.readString(directory.resolve(SuiteSummary.JSON_FILE)));
    assertEquals(0.01, json.get("familyWiseLevel").doubleValue());
    assertEquals(4, json.get("checks").size());
    JsonNode row = json.get("checks").get(1);
    for (String field :
        new String[] {
          "bound", "verdict", "empirical", "theoretical", "ratio", "instance", "seed", "strength",
          "provenance"
        }) {
      assertTrue(row.has(field), field);
    }
    assertEquals("VIOLATED", row.get("verdict").asString());
    assertEquals("test.order.floor", json.get("notCheckable").get(0).get("bound").asString());
    assertEquals(1, json.get("counts").get("NOT_CHECKABLE").intValue());

    String markdown = Files.readString(directory.resolve(SuiteSummary.MARKDOWN_FILE));
    assertTrue(
        markdown.contains(
            "| bound | provenance | instance | empirical | theoretical | ratio | verdict | strength |"));
    assertTrue(markdown.contains("## Strength of the verdicts"));
    // every row says how strong it is
    for (JsonNode check : json.get("checks")) {
      assertTrue(check.get("strength").has("kind"), check::toString);
    }
    assertTrue(markdown.contains("NOT_CHECKABLE"));
    assertTrue(markdown.contains("family-wise level α = 0.01"));
    assertTrue(s.toText().contains("1 VIOLATED (1 unexpected)"));
  }

  @Test
  void anExpectedFindingDoesNotCountAsUnexpected() {
    CheckSuite suite =
        new CheckSuite()
            .add(
                Fixtures.plantedViolation()
                    .expecting(ExpectedFinding.paper("planted for the test")));
    SuiteSummary s = suite.run(settings(1));
    assertEquals(Verdict.VIOLATED, s.results().get(0).verdict());
    assertTrue(s.unexpectedViolations().isEmpty());
    // the summary says what the expected violation is about
    assertTrue(s.toMarkdown().contains("VIOLATED (expected: paper)"));
    assertTrue(s.toMarkdown().contains("expected finding (paper): planted for the test"));
    assertTrue(s.toText().contains("1 VIOLATED (0 unexpected; expected: 1 paper)"), s.toText());
    assertEquals(1, s.expectedViolationsByCause().get(ExpectedFinding.Cause.PAPER));
    assertEquals(0, s.expectedViolationsByCause().get(ExpectedFinding.Cause.RECONSTRUCTION));
    JsonNode row = CounterexampleFile.JSON.readTree(s.toJson()).get("checks").get(0);
    assertEquals("PAPER", row.get("expectedFindingCause").asString());
    assertEquals("planted for the test", row.get("expectedFinding").asString());
  }
}
