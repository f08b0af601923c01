package io.metabound.experiments.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: the content streams to a temporary file in the target's folder, which
 * is then moved over the target, so an interrupted sweep never leaves a half-written CSV. (The
 * reports module has the same helper; this module cannot depend on it.)
 */
final class AtomicOutput {

  private AtomicOutput() {}

  /** Body of a write. */
  interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /** Streams UTF-8 text into {@code target} atomically, creating parent folders. */
  static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      try (Writer out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
        body.writeTo(out);
      }
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
