package io.metabound.reports.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.cli.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The commit protocol of {@link OutputFolder}, each crash point simulated by stopping between its
 * steps as a process that then dies ({@link #DEAD}), and the next run's recovery.
 */
class OutputFolderTest {

  /** The PID of the simulated run that is killed. */
  static final long DEAD = 4_000_000_001L;

  /** Only this test's process is alive. */
  static final LongPredicate ONLY_ME = pid -> pid == ProcessHandle.current().pid();

  @TempDir Path dir;

  /** Where the simulated run stops: after the named step. */
  enum CrashPoint {
    WHILE_WRITING,
    AFTER_MARK_COMPLETE,
    AFTER_TARGET_MOVED_ASIDE,
    AFTER_STAGING_MOVED_INTO_PLACE
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void aRunKilledAtAnyStepLeavesTheOldOrTheNewOutputAfterTheNextRunsRecovery(CrashPoint crash)
      throws IOException {
    Path target = dir.resolve("out");
    commit(target, Map.of("a.csv", "old a\n", "sub/b.json", "old b\n"));
    Map<String, String> before = contents(target);

    OutputFolder killed = OutputFolder.open(target, "--out", "test", DEAD, ONLY_ME);
    write(killed.path(), Map.of("a.csv", "new a\n", "c.png", "new c\n"));
    if (crash.compareTo(CrashPoint.AFTER_MARK_COMPLETE) >= 0) {
      killed.markComplete();
    }
    if (crash.compareTo(CrashPoint.AFTER_TARGET_MOVED_ASIDE) >= 0) {
      killed.moveTargetAside();
      assertFalse(Files.exists(target), "the instant between the renames: no target");
    }
    if (crash.compareTo(CrashPoint.AFTER_STAGING_MOVED_INTO_PLACE) >= 0) {
      killed.moveStagingIntoPlace();
    }
    Map<String, String> expected = new TreeMap<>(Map.of("a.csv", "new a\n", "c.png", "new c\n"));
    expected.put(OutputFolder.MARKER, OutputFolder.markerText("test"));

    OutputFolder.recover(target, ONLY_ME);
    Map<String, String> recovered = contents(target);
    if (crash.compareTo(CrashPoint.AFTER_TARGET_MOVED_ASIDE) >= 0) {
      assertEquals(expected, recovered, "a complete staging folder is committed");
    } else {
      assertEquals(before, recovered, "the previous output is kept");
    }
    assertEquals(List.of("out"), names(dir), "no staging or old folder is left");
  }

  @Test
  void anOldFolderWithoutACompleteStagingFolderIsRestored() throws IOException {
    Path target = dir.resolve("out");
    commit(target, Map.of("a.csv", "old\n"));
    Map<String, String> before = contents(target);
    // a target moved aside whose staging folder lost its completion mark (or never had one)
    OutputFolder killed = OutputFolder.open(target, "--out", "test", DEAD, ONLY_ME);
    write(killed.path(), Map.of("a.csv", "half"));
    killed.moveTargetAside();
    OutputFolder.recover(target, ONLY_ME);
    assertEquals(before, contents(target));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void theFoldersOfALiveProcessAreLeftAlone() throws IOException {
    Path target = dir.resolve("out");
    commit(target, Map.of("a.csv", "old\n"));
    long live = ProcessHandle.current().pid();
    OutputFolder running = OutputFolder.open(target, "--out", "test", live, ONLY_ME);
    write(running.path(), Map.of("a.csv", "being written\n"));
    Path stray = Files.writeString(dir.resolve(".merged.csv." + DEAD + "-77.tmp"), "half");
    Path busy = Files.writeString(dir.resolve(".merged.csv." + live + "-78.tmp"), "being written");
    OutputFolder.recover(target, ONLY_ME);
    assertTrue(Files.isDirectory(running.path()), "a live run's staging folder is kept");
    assertTrue(Files.exists(busy), "a live run's temporary file is kept");
    assertFalse(Files.exists(stray), "a dead run's temporary file is removed");
    running.commit();
    assertEquals("being written\n", Files.readString(target.resolve("a.csv")));
    assertEquals(List.of(".merged.csv." + live + "-78.tmp", "out"), names(dir));
  }

  @Test
  void aForeignNonEmptyFolderIsRefusedAndUntouched() throws IOException {
    Path paper = dir.resolve("paper");
    Files.createDirectories(paper);
    Files.writeString(paper.resolve("paper.tex"), "\\documentclass{article}");
    UserInputException e =
        assertThrows(UserInputException.class, () -> OutputFolder.open(paper, "--out", "report"));
    assertEquals(
        "--out: " + paper + " is not empty and was not written by metabound; choose an empty or new folder",
        e.getMessage());
    assertEquals(Map.of("paper.tex", "\\documentclass{article}"), contents(paper));
    assertEquals(List.of("paper"), names(dir), "no staging folder was created");
    assertThrows(UserInputException.class, () -> OutputFolder.claimInPlace(paper, "--out", "notebook"));
    assertEquals(Map.of("paper.tex", "\\documentclass{article}"), contents(paper));
  }

  @Test
  void anEmptyFolderAndAMarkedFolderAreReplacedAndAFileIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    commit(empty, Map.of("x", "1"));
    assertEquals(Map.of("x", "1", OutputFolder.MARKER, OutputFolder.markerText("test")), contents(empty));
    commit(empty, Map.of("y", "2"));
    assertEquals(Map.of("y", "2", OutputFolder.MARKER, OutputFolder.markerText("test")), contents(empty));
    Path file = Files.writeString(dir.resolve("file"), "not a folder");
    assertThrows(UserInputException.class, () -> OutputFolder.open(file, "--out", "test"));
    assertEquals("not a folder", Files.readString(file));
  }

  @Test
  void closingWithoutACommitRemovesTheStagingFolderAndKeepsTheTarget() throws IOException {
    Path target = dir.resolve("out");
    commit(target, Map.of("a", "old"));
    try (OutputFolder failing = OutputFolder.open(target, "--out", "test")) {
      write(failing.path(), Map.of("a", "new"));
    }
    assertEquals("old", Files.readString(target.resolve("a")));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void claimingInPlaceKeepsTheFilesAndWritesTheMarker() throws IOException {
    Path book = dir.resolve("book");
    commit(book, Map.of("one.html", "1"));
    Path claimed = OutputFolder.claimInPlace(book, "--out", "notebook");
    assertEquals(book, claimed);
    assertEquals(Map.of("one.html", "1", OutputFolder.MARKER, OutputFolder.markerText("notebook")), contents(book));
  }

  private static void commit(Path target, Map<String, String> files) throws IOException {
    try (OutputFolder folder = OutputFolder.open(target, "--out", "test")) {
      write(folder.path(), files);
      folder.commit();
    }
  }

  private static void write(Path folder, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      AtomicFiles.writeString(folder.resolve(f.getKey()), f.getValue());
    }
  }

  /** Relative path to content of every file under {@code folder}. */
  static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        all.put(folder.relativize(p).toString(), Files.readString(p));
      }
    }
    return all;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
