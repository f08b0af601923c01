package io.metabound.reports.report;

import io.metabound.reports.cli.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder written in full beside its target and then moved into place, so a failed run never
 * leaves a half-written report: until {@link #commit} the target is untouched; {@link #close}
 * without a commit deletes the staging folder.
 */
final class StagingDirectory implements AutoCloseable {

  private final Path target;
  private final Path staging;
  private boolean committed;

  private StagingDirectory(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Creates the staging folder next to {@code target}.
   *
   * @throws UserInputException when the target exists and is not a folder, or cannot be created
   */
  static StagingDirectory beside(Path target, String option) {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new UserInputException(option + ": " + target + " exists and is not a folder");
    }
    Path parent = absolute.getParent();
    try {
      Files.createDirectories(parent);
      Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
      io.metabound.experiments.io.AtomicFiles.readableByAll(staging);
      return new StagingDirectory(absolute, staging);
    } catch (IOException e) {
      throw new UserInputException(option + ": cannot write into " + parent + " (" + e.getMessage() + ")", e);
    }
  }

  /** Where to write. */
  Path path() {
    return staging;
  }

  /** The final location. */
  Path target() {
    return target;
  }

  /** Replaces the target by the staging folder (the previous content is removed). */
  void commit() throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
      move(target, old);
    }
    move(staging, target);
    committed = true;
    if (old != null) {
      deleteRecursively(old);
    }
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

  static void deleteRecursively(Path dir) {
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
