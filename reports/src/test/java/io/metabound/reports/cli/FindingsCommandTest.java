package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FindingsCommandTest {

  @Test
  void textHasOneBlockPerFindingWithItsNumbersAndCommands() {
    CliRun run = CliRun.of("findings");
    assertEquals(0, run.code(), run.toString());
    for (String id : new String[] {"ji2022-alpha-over-n-not-needed", "fallah2020-maml-alpha",
        "fallah2020-fomaml-alpha", "fallah2020-hfmaml-alpha", "takagi2019-alpha-not-necessary",
        "takagi2019-factor-per-eigenvalue", "takagi2019-summed-update", "takagi2019-multitask-beta"}) {
      assertTrue(run.out().contains(id + " ("), id);
      assertTrue(run.out().contains("metabound oracle --tasks finding-" + id + ".json"), id);
    }
    // 2/(λ(1 − αλ)²) at λ = 4, αλ = 1.2: 2/(4·0.04) = 12.5
    assertTrue(run.out().contains("measured 12.5, stated 12.5, ratio 1 (stated/measured)"), run.out());
    // Takagi's multi-task reading at λ = α = 0.5: 8 against FO-MAML's 2/0.375 = 5.33333, ratio 1.5
    assertTrue(run.out().contains("measured 5.33333, stated 8, ratio 1.5 (stated/measured)"), run.out());
  }

  @Test
  void jsonIsAnArrayOfFindingsFilteredByPaper() {
    CliRun run = CliRun.of("findings", "--paper", "Fallah2020", "--json");
    assertEquals(0, run.code(), run.toString());
    JsonNode array = run.json();
    assertEquals(3, array.size());
    for (JsonNode f : array) {
      assertEquals("fallah2020", f.get("paper").asString());
      assertEquals("sharpens", f.get("kind").asString());
      for (String field : new String[] {"id", "bounds", "statement", "shown", "instance", "values", "reproduce",
          "task_file"}) {
        assertTrue(f.has(field), field + " in " + f);
      }
    }
    // Thm 4.15: α ≤ 1/(10L) = 0.025 at L = 4 against FO-MAML's α* = 1/L = 0.25: ratio 0.1
    JsonNode fo = array.get(1).get("values").get(0);
    assertEquals(0.025, fo.get("stated").asDouble(), 1e-15);
    assertEquals(0.25, fo.get("measured").asDouble(), 1e-12);
    assertEquals(0.1, fo.get("ratio").asDouble(), 1e-10);
    assertEquals(4.0, array.get(1).get("instance").get("tasks").get(0).get("H").get(0).get(0).asDouble());
  }

  @Test
  void outWritesTaskFilesTheOracleReadsAndTheCatalogue(@TempDir Path dir) throws IOException {
    CliRun run = CliRun.of("findings", "--paper", "takagi2019", "--out", dir.toString());
    assertEquals(0, run.code(), run.toString());
    assertTrue(Files.isRegularFile(dir.resolve("findings.json")));
    assertEquals(4, CliRun.of("findings", "--paper", "takagi2019", "--json").json().size());
    Path tasks = dir.resolve("finding-takagi2019-alpha-not-necessary.json");
    assertTrue(Files.isRegularFile(tasks));
    // the reproduce command on the written file: exact MAML at λ = 4, α = 0.3 gives 2/(4·0.04) = 12.5
    CliRun oracle = CliRun.of("oracle", "--tasks", tasks.toString(), "--estimator", "maml", "--quantity",
        "beta-threshold", "--alpha", "0.3", "--steps", "1", "--json");
    assertEquals(0, oracle.code(), oracle.toString());
    assertEquals(12.5, oracle.json().get("value").asDouble(), 1e-12);
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  @Test
  void anUnknownPaperIsBadInputNamingTheKnownPapers() {
    CliRun run = CliRun.of("findings", "--paper", "finn2017");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("ji2022, fallah2020, takagi2019, rajeswaran2019"), run.err());
  }

  @Test
  void aPaperWithoutFindingsSaysSo() {
    CliRun run = CliRun.of("findings", "--paper", "rajeswaran2019");
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("no findings for rajeswaran2019"), run.out());
    assertEquals(0, CliRun.of("findings", "--paper", "rajeswaran2019", "--json").json().size());
  }
}
