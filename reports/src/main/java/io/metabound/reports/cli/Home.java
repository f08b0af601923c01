package io.metabound.reports.cli;

import java.nio.file.Path;

/** The MetaBound checkout the CLI runs from: {@code -Dmetabound.home} (set by the launcher), else the working directory. */
final class Home {
  private Home() {}

  static Path path() {
    String home = System.getProperty("metabound.home");
    return Path.of(home == null || home.isBlank() ? "." : home);
  }
}
