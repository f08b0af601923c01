package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metabound merge} joins only the shards 1/n … n/n of one sweep: each refusal is exit 2
 * with one line naming the shard file and the field, and leaves no output file behind.
 */
class MergeCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  Path tasks;
  Path otherTasks;
  Path merged;

  @BeforeEach
  void taskFiles() throws Exception {
    tasks = dir.resolve("tasks.json");
    Files.writeString(tasks, "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}");
    otherTasks = dir.resolve("other.json");
    Files.writeString(otherTasks, "{\"tasks\":[{\"H\":[[3]],\"c\":[1]}]}");
    merged = dir.resolve("merged.csv");
  }

  /**
   * Shard {@code spec} (null: the whole grid) of a small map into {@code DIR/name}, with {@code
   * extra} options replacing the defaults (tasks {@link #tasks}, α 0:0.3:6, β 0:4:5, T = 200).
   */
  private Path shard(String name, String spec, String... extra) {
    Path out = dir.resolve(name);
    List<String> a = new ArrayList<>(List.of("heatmap", "--format", "csv", "--out", out.toString()));
    List<String> given = List.of(extra);
    String[][] defaults = {
      {"--tasks", tasks.toString()}, {"--alpha", "0:0.3:6"}, {"--beta", "0:4:5"}, {"--iters", "200"}
    };
    for (String[] d : defaults) {
      boolean replaced = given.contains(d[0]) || (d[0].equals("--tasks") && given.contains("--family"));
      if (!replaced) {
        a.addAll(List.of(d));
      }
    }
    if (spec != null) {
      a.addAll(List.of("--shard", spec));
    }
    a.addAll(List.of(extra));
    CliRun run = CliRun.of(a.toArray(String[]::new));
    assertEquals(0, run.code(), run.toString());
    return out.resolve("heatmap.csv");
  }

  private CliRun merge(Path... csvs) {
    List<String> a = new ArrayList<>(List.of("merge", "--out", merged.toString()));
    for (Path csv : csvs) {
      a.add(csv.toString());
    }
    return CliRun.of(a.toArray(String[]::new));
  }

  /** Exit 2, one line, naming {@code fragments}; neither the merged CSV nor its sidecar written. */
  private void assertRefused(CliRun run, String... fragments) {
    assertTrue(run.isOneLineError(), run.toString());
    for (String f : fragments) {
      assertTrue(run.err().contains(f), "expected '" + f + "' in\n" + run.err());
    }
    assertFalse(Files.exists(merged), "a refused merge writes no CSV");
    assertFalse(Files.exists(dir.resolve("merged.json")), "a refused merge writes no sidecar");
  }

  private static ObjectNode sidecar(Path csv) throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(sidecarOf(csv)));
  }

  private static Path sidecarOf(Path csv) {
    return csv.resolveSibling("heatmap.json");
  }

  /** Replaces the CSV's text and, with {@code resign}, stores its new digest in the sidecar. */
  private static void rewrite(Path csv, String text, boolean resign) throws Exception {
    Files.writeString(csv, text);
    if (resign) {
      ObjectNode s = sidecar(csv);
      s.put("csvSha256", io.metabound.experiments.io.Sha256.ofFile(csv));
      Files.writeString(sidecarOf(csv), JSON.writeValueAsString(s));
    }
  }

  @Test
  void theShardsOfOneSweepMergeToTheUnshardedCsvWithASidecarOfTheSameIdentity() throws Exception {
    Path whole = shard("whole", null);
    Path a = shard("a", "1/3");
    Path b = shard("b", "2/3");
    Path c = shard("c", "3/3");
    CliRun run = merge(c, a, b);
    assertEquals(0, run.code(), run.toString());
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(merged));
    JsonNode mergedSidecar = JSON.readTree(Files.readString(dir.resolve("merged.json")));
    assertEquals(sidecar(whole).get("identity"), mergedSidecar.get("identity"),
        "the merged map has the unsharded run's identity");
    assertEquals(sidecar(whole).get("counts"), mergedSidecar.get("counts"));
    assertEquals(io.metabound.experiments.io.Sha256.ofFile(merged),
        mergedSidecar.get("csvSha256").asString());
    assertEquals(3, mergedSidecar.get("mergedFrom").size());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "--alpha;0:0.4:6;identity field 'alpha'",
        "--beta;0:3:5;identity field 'beta'",
        "--steps;2;identity field 'innerSteps'",
        "--estimator;fomaml;identity field 'estimator'",
        "--iters;300;identity field 'iterations'",
        "--tol;1e-5;identity field 'tolerance'",
        "--cap;1e6;identity field 'cap'",
        "--start;0.5;identity field 'start'",
        "--seed;3;identity field 'seed'",
        "--noise;0.1;identity field 'noise'",
        "--tasks;OTHER;identity field 'tasksSha256OfFileBytes'",
      })
  void aShardOfAnotherSweepIsRefusedNamingTheField(String option, String value, String field)
      throws Exception {
    Path first = shard("first", "1/2");
    Path second = shard("second", "2/2", option, value.equals("OTHER") ? otherTasks.toString() : value);
    assertRefused(merge(first, second), second.toString(), field, "not of one sweep");
  }

  @Test
  void estimatorParametersAndShardCountsAreOfTheIdentity() throws Exception {
    Path first = shard("first", "1/2", "--estimator", "imaml");
    Path second = shard("second", "2/2", "--estimator", "imaml", "--lambda", "2");
    assertRefused(merge(first, second), second.toString(), "identity field 'lambda'");
    Path ofThree = shard("three", "2/3", "--estimator", "imaml");
    assertRefused(merge(first, ofThree), ofThree.toString(), "identity field 'shardCount'");
    Path noisy = shard("noisy", "1/2", "--noise", "0.1", "--iters", "20");
    Path otherBatches = shard("batches", "2/2", "--noise", "0.1", "--iters", "20", "--batches", "5,5,5");
    assertRefused(merge(noisy, otherBatches), otherBatches.toString(), "identity field 'batches'");
  }

  @Test
  void generatedFamiliesAreIdentifiedByTheirCanonicalTaskList() throws Exception {
    String family = "quadratic:dim=2,tasks=2,spectrum=0.5:3,seed=";
    Path first = shard("first", "1/2", "--family", family + "7");
    Path second = shard("second", "2/2", "--family", family + "7");
    assertEquals(0, merge(first, second).code());
    Files.delete(merged);
    Files.delete(dir.resolve("merged.json"));
    assertTrue(sidecar(first).get("identity").has("tasksSha256OfCanonicalList"));
    Path otherSeed = shard("other", "2/2", "--family", family + "8");
    assertRefused(merge(first, otherSeed), otherSeed.toString(),
        "identity field 'tasksSha256OfCanonicalList'");
  }

  @Test
  void aMissingSidecarIsRefused() throws Exception {
    Path a = shard("a", "1/2");
    Path b = shard("b", "2/2");
    Files.delete(sidecarOf(b));
    assertRefused(merge(a, b), b.toString(), "sidecar", "is missing");
  }

  @Test
  void aSidecarWithoutIdentityIsRefused() throws Exception {
    Path a = shard("a", "1/2");
    Path b = shard("b", "2/2");
    ObjectNode s = sidecar(b);
    s.remove("identity");
    Files.writeString(sidecarOf(b), JSON.writeValueAsString(s));
    assertRefused(merge(a, b), "heatmap.json: identity: missing");
  }

  @Test
  void duplicatedMissingAndLoneShardsAreRefused() throws Exception {
    Path a = shard("a", "1/3");
    Path b = shard("b", "2/3");
    Path c = shard("c", "3/3");
    Path again = shard("again", "2/3");
    assertRefused(merge(a, b, again, c), again.toString(), "shard 2/3 given twice", b.toString());
    assertRefused(merge(a, c), "shard 2/3 is missing");
    assertRefused(merge(b), "shard 1/3 is missing");
  }

  @Test
  void aCsvEditedAfterItsSidecarIsRefused() throws Exception {
    Path a = shard("a", "1/2");
    Path b = shard("b", "2/2");
    String text = Files.readString(b);
    rewrite(b, text.replaceFirst(",1,", ",-1,"), false);
    assertRefused(merge(a, b), b.toString(), "edited after its sidecar", "csvSha256");
  }

  @Test
  void aHeaderOnlyOrShortCsvIsRefusedEvenWithAMatchingDigest() throws Exception {
    Path a = shard("a", "1/2");
    Path b = shard("b", "2/2");
    String text = Files.readString(b);
    String header = text.substring(0, text.indexOf('\n') + 1);
    rewrite(b, header, true);
    assertRefused(merge(a, b), b.toString(), "header only, no cells", "declares 15 cells");
    String withoutLastRow = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
    rewrite(b, withoutLastRow, true);
    assertRefused(merge(a, b), b.toString(), "holds 14 cells", "declares 15");
  }

  @Test
  void outIntoAMissingFolderIsRefusedAndNotCreated() throws Exception {
    Path a = shard("a", "1/2");
    Path b = shard("b", "2/2");
    Path nowhere = dir.resolve("no/such/folder/merged.csv");
    CliRun run = CliRun.of("merge", "--out", nowhere.toString(), a.toString(), b.toString());
    assertRefused(run, "--out: folder", "does not exist");
    assertFalse(Files.exists(dir.resolve("no")), "merge does not create the folder");
    CliRun intoFolder = CliRun.of("merge", "--out", dir.toString(), a.toString(), b.toString());
    assertRefused(intoFolder, "--out: " + dir + " is a folder");
  }

  @Test
  void outOverAnInputIsRefused() throws Exception {
    Path a = shard("a", "1/1");
    CliRun run = CliRun.of("merge", "--out", a.toString(), a.toString());
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("would overwrite the input"), run.err());
  }
}
