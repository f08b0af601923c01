package io.metabound.experiments.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a temporary file in the target's folder, which is
 * then moved over the target, so an interrupted or failed run never leaves a half-written file and
 * a reader never sees one. Parent folders are created. The written file is {@code rw-r--r--} where
 * the file system has POSIX permissions (a temporary file is created private, but results and
 * reports are meant to be read like any other file).
 *
 * <p>The one atomic writer of the project: checks, sweeps, task files, reports and plots all write
 * through it.
 */
public final class AtomicFiles {

  /** Buffer of the streaming writer: sweep CSVs are written a short line at a time. */
  private static final int STREAM_BUFFER_CHARS = 1 << 16;

  private AtomicFiles() {}

  /** Body of a streaming write: writes the file's text to {@code out}. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Gives a file or folder the permissions of an ordinary one ({@code rw-r--r--}, or {@code
   * rwxr-xr-x} for a folder). Temporary files and folders are created private; what this project
   * writes is meant to be read (and served). Does nothing where POSIX permissions are not
   * supported.
   */
  public static void readableByAll(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(
          path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the defaults apply
    }
  }

  /** Writes UTF-8 text atomically, creating parent folders. */
  public static void writeString(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes atomically, creating parent folders. */
  public static void write(Path target, byte[] content) throws IOException {
    replace(target, out -> out.write(content));
  }

  /**
   * Streams UTF-8 text into {@code target} atomically, creating parent folders. If {@code body}
   * throws (checked or not), the target is left as it was and the temporary file is removed.
   */
  public static void write(Path target, Body body) throws IOException {
    replace(
        target,
        stream -> {
          try (Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(stream, StandardCharsets.UTF_8), STREAM_BUFFER_CHARS)) {
            body.writeTo(out);
          }
        });
  }

  /** What goes into the temporary file. */
  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * The name of a temporary file starts with {@code .NAME.PID-} (PID of the writing process) and
   * ends with {@value #TEMPORARY_SUFFIX}, so a later run can tell a stray one whose writer was
   * killed from one being written ({@link #removeStrayTemporaries}).
   */
  private static String temporaryPrefix(String name) {
    return "." + name + "." + ProcessHandle.current().pid() + "-";
  }

  private static final String TEMPORARY_SUFFIX = ".tmp";

  /** A temporary file of this class: {@code .NAME.PID-RANDOM.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-\\d+\\.tmp");

  /**
   * Deletes the temporary files this class left in {@code dir} (not in its subfolders) when a
   * run was killed mid-write: only files named like this class names them, and only those whose
   * writing process is not {@code alive}.
   *
   * @return the files deleted
   */
  public static List<Path> removeStrayTemporaries(Path dir, LongPredicate alive) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return removed;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        Matcher m = TEMPORARY.matcher(p.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(p)) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue; // digits too long for a PID: not ours
        }
        if (!alive.test(pid) && Files.deleteIfExists(p)) {
          removed.add(p);
        }
      }
    }
    return removed;
  }

  private static void replace(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, temporaryPrefix(absolute.getFileName().toString()), TEMPORARY_SUFFIX);
    try {
      readableByAll(tmp);
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error failure) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        failure.addSuppressed(cleanup); // the write's failure is the one to report
      }
      throw failure;
    }
  }
}
