package io.metabound.reports.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code metabound} in a child JVM on the test class path with a small heap and a time
 * limit, for inputs that could exhaust the memory of the JVM that runs them (an endless stream).
 * The child's {@code main} is the real one, so its last-resort handling is tested too.
 */
final class ForkedRun {

  /** The child's heap: small, so an unbounded read fails fast. */
  static final String HEAP = "-Xmx256m";
  /** How long the child may take before it counts as hanging (exit -1). */
  static final long TIMEOUT_SECONDS = 60;

  private ForkedRun() {}

  static CliRun of(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        MetaBoundCommand.class.getName()));
    command.addAll(args);
    Path out = Files.createTempFile("forked-run", ".out");
    Path err = Files.createTempFile("forked-run", ".err");
    try {
      Process process = new ProcessBuilder(command)
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      return new CliRun(finished ? process.exitValue() : -1,
          Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)
              + (finished ? "" : "(no exit within " + TIMEOUT_SECONDS + " s)\n"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the child JVM", e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
