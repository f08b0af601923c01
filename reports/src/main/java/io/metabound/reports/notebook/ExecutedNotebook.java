package io.metabound.reports.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of running a notebook: each executed cell with its output, the files it wrote, and the
 * first failure (null when every cell ran).
 *
 * @param notebook the notebook
 * @param cells the cells that ran, in order (up to and including a failing one)
 * @param failure {@code "NAME, cell K (TITLE), line L: MESSAGE"} for the first failing cell, or
 *     null
 * @param outputDirectory the folder the notebook saw as {@code OUT}
 */
public record ExecutedNotebook(
    Notebook notebook, List<ExecutedCell> cells, String failure, Path outputDirectory) {

  /**
   * One executed cell.
   *
   * @param cell the cell
   * @param output what it printed (stdout and stderr, interleaved)
   * @param images pictures it wrote or rewrote in {@code OUT} (file names; shown inline)
   * @param files other files it wrote or rewrote in {@code OUT} (data behind a picture, LaTeX, …;
   *     linked)
   * @param error null when the cell ran cleanly, else the message
   * @param seconds wall-clock time the cell took (for {@code --timings}; not rendered, so pages
   *     stay identical from run to run)
   */
  public record ExecutedCell(
      Notebook.Cell cell,
      String output,
      List<String> images,
      List<String> files,
      String error,
      double seconds) {

    public ExecutedCell {
      images = List.copyOf(images);
      files = List.copyOf(files);
    }
  }

  public ExecutedNotebook {
    cells = List.copyOf(cells);
  }

  public boolean succeeded() {
    return failure == null;
  }
}
