package io.metabound.reports.io;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.cli.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder ({@code --out DIR}) written as one unit: every command that writes a folder
 * writes it into a staging folder beside the target and commits it with two renames, so a failed
 * or killed run leaves either the complete previous output or the complete new one, and never
 * deletes a folder MetaBound did not write.
 *
 * <p>The protocol, for a target {@code P/N}:
 *
 * <ol>
 *   <li><b>Recover</b> ({@link #recover}): the siblings {@code P/.N.partial-PID-K} and {@code
 *       P/.N.old-PID-K} left by an earlier run whose process PID is no longer alive are resolved:
 *       if the target is missing (that run was killed between its two renames), a staging folder
 *       holding the completion mark is moved into place, else the old folder is moved back; an old
 *       folder beside an existing target is deleted; a staging folder is deleted. Temporary files
 *       of {@link AtomicFiles} in {@code P} whose process is dead are deleted. Folders and files of
 *       a live process are left alone.
 *   <li><b>Refuse a foreign folder</b>: a target that exists, is not empty and holds no {@value
 *       #MARKER} file was not written by MetaBound; it is refused ({@link UserInputException},
 *       exit 2) and nothing is touched.
 *   <li><b>Stage</b>: the command writes everything into {@code P/.N.partial-PID-K} ({@link #path}),
 *       PID being this process, K a random token.
 *   <li><b>Mark complete</b>: the marker {@value #MARKER} (the command and the format version) is
 *       written last into the staging folder; a staging folder with the marker is complete.
 *   <li><b>Move the target aside</b>: {@code P/N} is renamed to {@code P/.N.old-PID-K} (when it
 *       exists).
 *   <li><b>Move the staging folder into place</b>: {@code P/.N.partial-PID-K} is renamed to {@code
 *       P/N}.
 *   <li><b>Remove the old folder</b>: {@code P/.N.old-PID-K} is deleted.
 * </ol>
 *
 * <p>A kill before step 5 leaves the previous target as it was (and a staging folder the next run
 * removes); a kill between steps 5 and 6 leaves no target but a complete staging folder, which the
 * next run moves into place; a kill after step 6 leaves the new target and an old folder the next
 * run deletes. {@link #close} without a commit deletes the staging folder.
 */
public final class OutputFolder implements AutoCloseable {

  /** The marker file of every output folder MetaBound writes, and the staging's completion mark. */
  public static final String MARKER = ".metabound-output";

  /** Version of the marker's format. */
  static final int FORMAT = 1;

  /** What a staging or old folder is, in its name. */
  enum Kind {
    PARTIAL("partial"),
    OLD("old");

    final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  private final Path target;
  private final Path staging;
  private final Path old;
  private final String command;
  private boolean committed;

  private OutputFolder(Path target, Path staging, Path old, String command) {
    this.target = target;
    this.staging = staging;
    this.old = old;
    this.command = command;
  }

  /**
   * Recovers what earlier runs left beside {@code target}, refuses a foreign folder and creates the
   * staging folder (steps 1 to 3).
   *
   * @param option the option that named the folder, for messages (e.g. {@code --out})
   * @param command the command writing it, recorded in the marker
   * @throws UserInputException when the target is a file, a foreign non-empty folder, or cannot be
   *     written
   */
  public static OutputFolder open(Path target, String option, String command) {
    return open(target, option, command, ProcessHandle.current().pid(), OutputFolder::isAlive);
  }

  /** {@link #open} as process {@code pid}, with {@code alive} telling which processes run. */
  static OutputFolder open(
      Path target, String option, String command, long pid, LongPredicate alive) {
    Path absolute = prepare(target, option, alive);
    Path parent = absolute.getParent();
    try {
      Path staging = Files.createTempDirectory(parent, prefix(absolute, Kind.PARTIAL) + pid + "-");
      AtomicFiles.readableByAll(staging);
      String token = staging.getFileName().toString().substring(prefix(absolute, Kind.PARTIAL).length());
      Path old = parent.resolve(prefix(absolute, Kind.OLD) + token);
      return new OutputFolder(absolute, staging, old, command);
    } catch (IOException e) {
      throw new UserInputException(
          option + ": cannot write into " + parent + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * For a command that adds files to its folder instead of replacing it (one notebook into a
   * book): recovers, refuses a foreign folder, creates the folder and writes the marker; the
   * command then writes into the returned folder directly.
   */
  public static Path claimInPlace(Path target, String option, String command) {
    Path absolute = prepare(target, option, OutputFolder::isAlive);
    try {
      Files.createDirectories(absolute);
      writeMarker(absolute, command);
      return absolute;
    } catch (IOException e) {
      throw new UserInputException(
          option + ": cannot write into " + absolute + " (" + e.getMessage() + ")", e);
    }
  }

  /** Steps 1 and 2; returns the absolute target. */
  private static Path prepare(Path target, String option, LongPredicate alive) {
    Path absolute = target.toAbsolutePath().normalize();
    if (absolute.getParent() == null) {
      throw new UserInputException(option + ": " + target + " is the root folder; choose a folder below it");
    }
    try {
      recover(absolute, alive);
    } catch (IOException | UncheckedIOException e) {
      throw new UserInputException(
          option + ": cannot recover the interrupted output beside " + absolute + " (" + e.getMessage() + ")", e);
    }
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new UserInputException(option + ": " + target + " exists and is not a folder");
    }
    if (isForeign(absolute)) {
      throw new UserInputException(
          option + ": " + target
              + " is not empty and was not written by metabound; choose an empty or new folder");
    }
    return absolute;
  }

  /** True when {@code folder} exists, is not empty and has no {@value #MARKER}. */
  static boolean isForeign(Path folder) {
    if (!Files.isDirectory(folder) || Files.exists(folder.resolve(MARKER))) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      return entries.iterator().hasNext();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** Where to write (the staging folder). */
  public Path path() {
    return staging;
  }

  /** The final location. */
  public Path target() {
    return target;
  }

  /** Commits the staging folder (steps 4 to 7): the previous content of the target is removed. */
  public void commit() throws IOException {
    markComplete();
    moveTargetAside();
    moveStagingIntoPlace();
    removeOld();
  }

  /** Step 4: writes the marker, last, into the staging folder. */
  void markComplete() throws IOException {
    writeMarker(staging, command);
  }

  /** Step 5: renames the target to the old folder, when it exists. */
  void moveTargetAside() throws IOException {
    if (Files.exists(target)) {
      move(target, old);
    }
  }

  /** Step 6: renames the staging folder to the target. */
  void moveStagingIntoPlace() throws IOException {
    move(staging, target);
    committed = true;
  }

  /** Step 7: deletes the old folder. */
  void removeOld() {
    deleteRecursively(old);
  }

  /** The marker's text: what wrote the folder and in which format. */
  static String markerText(String command) {
    return "metabound output folder: replaced as a whole by the next run into it\n"
        + "format: " + FORMAT + "\n"
        + "command: " + command + "\n";
  }

  private static void writeMarker(Path folder, String command) throws IOException {
    AtomicFiles.writeString(folder.resolve(MARKER), markerText(command));
  }

  /**
   * Step 1 alone, as the next run into {@code target} does it: resolves what dead processes left
   * beside it (tests and tools that inspect a folder after a crash).
   */
  public static void recover(Path target) throws IOException {
    recover(target.toAbsolutePath().normalize(), OutputFolder::isAlive);
  }

  /**
   * Step 1: resolves the staging and old folders that dead processes left beside {@code target},
   * and deletes their temporary files in its parent folder.
   */
  static void recover(Path target, LongPredicate alive) throws IOException {
    Path parent = target.getParent();
    if (!Files.isDirectory(parent)) {
      return;
    }
    List<Sibling> siblings = siblings(target);
    for (Sibling s : siblings) {
      if (s.kind() != Kind.OLD || alive.test(s.pid())) {
        continue;
      }
      Path partial = parent.resolve(prefix(target, Kind.PARTIAL) + s.token());
      if (!Files.exists(target)) {
        if (Files.isDirectory(partial) && Files.exists(partial.resolve(MARKER))) {
          move(partial, target); // finish the interrupted commit
        } else {
          move(s.path(), target); // restore the previous output
        }
      }
      deleteRecursively(s.path());
    }
    for (Sibling s : siblings(target)) {
      if (s.kind() == Kind.PARTIAL && !alive.test(s.pid())) {
        deleteRecursively(s.path());
      }
    }
    AtomicFiles.removeStrayTemporaries(parent, alive);
  }

  /** A staging or old folder of {@code target}, with its owner's PID and its token. */
  record Sibling(Path path, Kind kind, long pid, String token) {}

  /** The staging and old folders beside {@code target}, named by this class. */
  static List<Sibling> siblings(Path target) throws IOException {
    Pattern name =
        Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\.(partial|old)-((\\d+)-.+)");
    List<Sibling> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent())) {
      for (Path p : entries) {
        Matcher m = name.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          long pid;
          try {
            pid = Long.parseLong(m.group(3));
          } catch (NumberFormatException e) {
            continue; // not a PID this class wrote
          }
          Kind kind = m.group(1).equals("old") ? Kind.OLD : Kind.PARTIAL;
          found.add(new Sibling(p, kind, pid, m.group(2)));
        }
      }
    }
    found.sort(Comparator.comparing(s -> s.path().getFileName().toString()));
    return found;
  }

  private static String prefix(Path target, Kind kind) {
    return "." + target.getFileName() + "." + kind.word + "-";
  }

  /** True when process {@code pid} is running (this process included). */
  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  @Override
  public void close() {
    if (!committed) {
      deleteRecursively(staging);
    }
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
