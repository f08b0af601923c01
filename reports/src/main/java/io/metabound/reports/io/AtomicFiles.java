package io.metabound.reports.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files atomically: the content goes to a temporary file in the same folder, which is then
 * moved over the target. A failed run never leaves a half-written report.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Gives a temporary file or folder the permissions of an ordinary one ({@code rw-r--r--}, or
   * {@code rwxr-xr-x} for a folder): temporary files are created private, and the report is meant
   * to be read (and served) like any other file. Does nothing where POSIX permissions are not
   * supported.
   */
  public static void readableByAll(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(
          path,
          java.nio.file.attribute.PosixFilePermissions.fromString(
              Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
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
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      readableByAll(tmp);
      Files.write(tmp, content);
      try {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
