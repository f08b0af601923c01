package io.metabound.reports.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: an output-writing command killed with SIGKILL ({@link Process#destroyForcibly}) at any
 * moment leaves its complete previous output or its complete new one (after the recovery the next
 * run does first, when the kill hit the instant between the commit's two renames), and one more
 * run leaves no {@code .partial-*}, {@code .old-*} or {@code .tmp} behind.
 *
 * <p>Real subprocesses on the test class path: the {@code heatmap} command ({@code
 * MetaBoundCommand}) and a small real report ({@link SmallReportMain}). Two versions of each output
 * (two grids, two seeds) are written by reference runs into the target; every killed run writes
 * the version the target does not hold, killed at a seeded time spread over the run's duration.
 */
class KilledOutputIT {

  /** Seed of the kill times. */
  static final long SEED = 20261207L;

  /** Killed runs per command. */
  static final int KILLS = 4;

  /** Lines that hold times or durations; the rest of every file is a function of the request. */
  static final Pattern TIMED =
      Pattern.compile(
          "started|time taken|<td>steps</td>|\\| steps \\||\"seconds\" :|Seconds[A-Za-z]*\" :|\"cellsPerSecond\" :"
              + "|^\\s*\"(checks|profiles|reproductions|heatmaps|registry|notebooks|claims|latex)\" : [-+0-9.E]+,?$");

  /** The files whose timing lines are left out of the comparison. */
  static final List<String> TIMED_FILES = List.of("heatmap.json", "report.json", "report.md", "index.html");

  @TempDir Path dir;

  @Test
  void aKilledHeatmapRerunLeavesTheOldOrTheNewMapComplete() throws Exception {
    Path tasks = Files.writeString(dir.resolve("one.json"), "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}");
    Path target = Files.createDirectories(dir.resolve("outputs")).resolve("map");
    List<List<String>> versions = new ArrayList<>();
    for (String alpha : List.of("0:0.3:12", "0:0.2:14")) {
      versions.add(
          command(
              "io.metabound.reports.cli.MetaBoundCommand",
              "heatmap", "--tasks", tasks.toString(), "--estimator", "fomaml", "--alpha", alpha,
              "--beta", "0:4:12", "--iters", "300", "--format", "png,svg", "--out", target.toString()));
    }
    killRepeatedly(target, versions, new Random(SEED));
  }

  @Test
  void aKilledReportLeavesTheOldOrTheNewReportComplete() throws Exception {
    Path target = Files.createDirectories(dir.resolve("outputs")).resolve("report");
    List<List<String>> versions = new ArrayList<>();
    for (String seed : List.of("7", "8")) {
      versions.add(command(SmallReportMain.class.getName(), target.toString(), seed));
    }
    killRepeatedly(target, versions, new Random(SEED + 1));
  }

  /**
   * Writes both versions to completion (the references; the target then holds the second), then
   * kills {@link #KILLS} runs of the other version, checks the target after each, and finishes
   * with one complete run.
   */
  private void killRepeatedly(Path target, List<List<String>> versions, Random random) throws Exception {
    List<Map<String, String>> reference = new ArrayList<>();
    double seconds = 0;
    for (List<String> version : versions) {
      long start = System.nanoTime();
      assertEquals(0, runToEnd(version), "reference run " + version);
      seconds += (System.nanoTime() - start) * 1e-9 / versions.size();
      reference.add(snapshot(target));
    }
    assertFalse(reference.get(0).equals(reference.get(1)), "the two versions differ");
    int current = 1;
    List<String> outcomes = new ArrayList<>();
    for (int k = 0; k < KILLS; k++) {
      int next = 1 - current;
      // spread over the run, past its end too (a run that finished must have committed)
      long delayMillis = (long) ((0.2 + random.nextDouble()) * seconds * 1000);
      Process p = start(versions.get(next));
      boolean finished = p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
      if (!finished) {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
      }
      String where = "kill " + k + " after " + delayMillis + " ms (" + (finished ? "finished" : "killed") + ")";
      if (Files.exists(target)) {
        int found = version(snapshot(target), reference, where);
        assertTrue(found == current || found == next, where);
      } else {
        // the instant between the renames: the next run finds the old and the staging folder
        assertTrue(names(target.getParent()).stream().anyMatch(n -> n.contains(".old-")), where);
      }
      OutputFolder.recover(target);
      int found = version(snapshot(target), reference, where);
      if (finished) {
        assertEquals(next, found, where + ": a run that ended committed its output");
      }
      outcomes.add(where + " -> " + (found == current ? "previous kept" : "new committed"));
      current = found;
    }
    int last = 1 - current;
    assertEquals(0, runToEnd(versions.get(last)), "the run after the kills");
    assertEquals(last, version(snapshot(target), reference, "final run"), outcomes.toString());
    List<String> leftOver = new ArrayList<>(names(target.getParent()));
    leftOver.remove(target.getFileName().toString());
    assertEquals(List.of(), leftOver, "nothing beside the target: " + outcomes);
    try (Stream<Path> walk = Files.walk(target)) {
      List<Path> stray =
          walk.filter(p -> p.getFileName().toString().matches(".*(\\.partial-|\\.old-|\\.tmp$).*")).toList();
      assertEquals(List.of(), stray, "nothing stray inside the target");
    }
  }

  /** Which reference the snapshot is, failing when it is neither (a mixed or partial output). */
  private static int version(Map<String, String> snapshot, List<Map<String, String>> reference, String where) {
    for (int i = 0; i < reference.size(); i++) {
      if (snapshot.equals(reference.get(i))) {
        return i;
      }
    }
    throw new AssertionError(
        where + ": the output is neither complete version; files " + snapshot.keySet()
            + " vs " + reference.get(0).keySet() + " / " + reference.get(1).keySet()
            + "; differing from the first: " + differing(snapshot, reference.get(0))
            + "; from the second: " + differing(snapshot, reference.get(1)));
  }

  private static List<String> differing(Map<String, String> a, Map<String, String> b) {
    List<String> names = new ArrayList<>();
    for (String name : a.keySet()) {
      if (!a.get(name).equals(b.get(name))) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every file under {@code folder}: relative path to content (timing lines left out). */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(p).toString();
        String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        if (TIMED_FILES.contains(name)) {
          content = content.lines().filter(l -> !TIMED.matcher(l).find()).collect(Collectors.joining("\n"));
        }
        files.put(name, content);
      }
    }
    return files;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** {@code java -cp CLASSPATH MAIN ARGS...} on this test's class path. */
  private static List<String> command(String mainClass, String... args) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-Djava.awt.headless=true");
    c.add("-XX:TieredStopAtLevel=1"); // short runs: the C1 compiler alone starts faster
    c.add("-cp");
    c.add(System.getProperty("java.class.path"));
    c.add(mainClass);
    c.addAll(List.of(args));
    return c;
  }

  private Process start(List<String> command) throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Files.createTempFile(logs, "run", ".log").toFile())
        .start();
  }

  private int runToEnd(List<String> command) throws Exception {
    Process p = start(command);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "a run ended");
    return p.exitValue();
  }
}
