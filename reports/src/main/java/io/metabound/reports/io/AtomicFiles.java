package io.metabound.reports.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Forwards to {@link io.metabound.experiments.io.AtomicFiles}, the project's one atomic writer.
 * Kept only for the callers in {@code io.metabound.reports.report}, which is being edited on
 * another branch; once those import the experiments class, delete this one.
 *
 * @deprecated use {@link io.metabound.experiments.io.AtomicFiles}
 */
@Deprecated
public final class AtomicFiles {

  private AtomicFiles() {}

  /** See {@link io.metabound.experiments.io.AtomicFiles#readableByAll(Path)}. */
  public static void readableByAll(Path path) throws IOException {
    io.metabound.experiments.io.AtomicFiles.readableByAll(path);
  }

  /** See {@link io.metabound.experiments.io.AtomicFiles#writeString(Path, String)}. */
  public static void writeString(Path target, String content) throws IOException {
    io.metabound.experiments.io.AtomicFiles.writeString(target, content);
  }

  /** See {@link io.metabound.experiments.io.AtomicFiles#write(Path, byte[])}. */
  public static void write(Path target, byte[] content) throws IOException {
    io.metabound.experiments.io.AtomicFiles.write(target, content);
  }
}
