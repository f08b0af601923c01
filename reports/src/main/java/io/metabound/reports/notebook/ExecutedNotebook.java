package io.metabound.reports.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of running a notebook: each executed cell with its output, the images it wrote, and
 * the first failure (null when every cell ran).
 */
public record ExecutedNotebook(
    Notebook notebook, List<ExecutedCell> cells, String failure, Path outputDirectory) {

  /** One executed cell. {@code error} is null when the cell ran cleanly. */
  public record ExecutedCell(Notebook.Cell cell, String output, List<String> images, String error) {}

  public ExecutedNotebook {
    cells = List.copyOf(cells);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
