package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of issue 14 ({@code src/test/resources/bad-input/cases.tsv}): every row is
 * a command on bad input with the exit code and the message it must give; a case passes only when
 * the exit code is right, the message has its fragment and is one line (a claims file: a short
 * list), no Java class name or stack frame is shown, and no file is left behind. Ids listed in
 * {@code pending.txt} wait for a fix on another branch: they are skipped here, and
 * {@link #pendingCasesStillFail} fails as soon as one passes, so the list only shrinks.
 */
class BadInputCorpusTest {

  /** The corpus must stay at least this large (issue 14). */
  static final int MINIMUM_CASES = 200;

  @TempDir static Path scratch;
  static Path shards;

  @BeforeAll
  static void makeShards() throws IOException {
    shards = ShardSets.make(scratch.resolve("shards"));
  }

  static List<BadInputCase> cases() {
    return BadInputCorpus.cases();
  }

  static List<String> pendingIds() {
    return List.copyOf(BadInputCorpus.pending().keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsRefusedCleanly(BadInputCase c) throws IOException {
    assumeFalse(BadInputCorpus.pending().containsKey(c.id()),
        () -> c.id() + " is pending: " + BadInputCorpus.pending().get(c.id()));
    List<String> problems = BadInputCorpus.run(c, scratch, shards);
    if (!problems.isEmpty()) {
      fail(c.id() + " (" + c.surface() + ": " + c.why() + "):\n  " + String.join("\n  ", problems));
    }
  }

  @ParameterizedTest(name = "{0} is still pending", allowZeroInvocations = true)
  @MethodSource("pendingIds")
  void pendingCasesStillFail(String id) throws IOException {
    BadInputCase c = BadInputCorpus.byId(id);
    assertFalse(BadInputCorpus.run(c, scratch, shards).isEmpty(),
        id + " passes now: remove it from bad-input/pending.txt");
  }

  @Test
  void theCorpusIsLargeAndCoversEverySurface() {
    List<BadInputCase> all = cases();
    assertTrue(all.size() >= MINIMUM_CASES, all.size() + " cases, fewer than " + MINIMUM_CASES);
    Set<String> ids = new HashSet<>();
    for (BadInputCase c : all) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.id());
      assertFalse(c.why().isBlank(), c.id() + " says not why its input is bad");
      assertFalse(c.exits().contains(MetaBoundCommand.INTERNAL_ERROR), c.id() + " expects an internal error");
    }
    Set<String> surfaces = all.stream().map(BadInputCase::surface).collect(Collectors.toCollection(TreeSet::new));
    for (String required : List.of("task-file", "claims-yaml", "claims-latex", "replay", "shard",
        "args-oracle", "args-heatmap", "args-merge", "args-check", "args-claims", "args-bounds",
        "args-report", "args-reproduce", "args-findings", "args-notebook", "args-top")) {
      assertTrue(surfaces.contains(required), "no case for surface " + required + " in " + surfaces);
    }
  }

  @Test
  void everyPendingIdIsACaseListedOnce() throws IOException {
    Set<String> ids = cases().stream().map(BadInputCase::id).collect(Collectors.toSet());
    Map<String, String> pending = BadInputCorpus.pending();
    for (Map.Entry<String, String> e : pending.entrySet()) {
      assertTrue(ids.contains(e.getKey()), "pending.txt names no case: " + e.getKey());
      assertFalse(e.getValue().isBlank(), "pending.txt gives no reason for " + e.getKey());
    }
    long lines = Files.readAllLines(BadInputCorpus.resource("pending.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    assertTrue(lines == pending.size(), "an id is listed twice in pending.txt");
  }
}
