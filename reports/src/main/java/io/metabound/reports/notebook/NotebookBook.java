package io.metabound.reports.notebook;

import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a folder of numbered notebooks and renders them: {@code OUT/NAME.html} per notebook, the
 * images of notebook {@code NAME} in {@code OUT/NAME/}, and {@code OUT/index.html}.
 */
public final class NotebookBook {

  private final NotebookRunner runner;

  public NotebookBook(NotebookRunner runner) {
    this.runner = runner;
  }

  /** The {@code .jsh} files of a folder, in name order (the numbering is the reading order). */
  public static List<Path> notebooks(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsh")).sorted().toList();
    }
  }

  /** Runs one notebook file and writes its page; returns the executed notebook. */
  public ExecutedNotebook render(Path notebookFile, Path outDir) throws IOException {
    return render(notebookFile, outDir, false);
  }

  /**
   * Runs one notebook file and writes its page.
   *
   * @param linkIndex true when the page will sit next to an {@code index.html} (a whole book)
   */
  public ExecutedNotebook render(Path notebookFile, Path outDir, boolean linkIndex)
      throws IOException {
    Notebook notebook = Notebook.read(notebookFile);
    ExecutedNotebook run = runner.run(notebook, outDir.resolve(notebook.name()));
    AtomicFiles.writeString(
        NotebookHtml.pageFile(outDir, run), NotebookHtml.page(run, notebook.name(), linkIndex));
    return run;
  }

  /**
   * Runs every notebook in {@code folder} (all of them, also after a failure, so the index shows
   * every notebook's state), writes the pages and the index.
   */
  public List<ExecutedNotebook> renderAll(Path folder, Path outDir) throws IOException {
    List<ExecutedNotebook> runs = new ArrayList<>();
    for (Path file : notebooks(folder)) {
      runs.add(render(file, outDir, true));
    }
    writeIndex(runs, outDir);
    return runs;
  }

  /**
   * Writes {@code OUT/index.html} for notebooks already rendered into {@code outDir}; returns it.
   */
  public static Path writeIndex(List<ExecutedNotebook> runs, Path outDir) throws IOException {
    Path index = outDir.resolve("index.html");
    AtomicFiles.writeString(index, NotebookHtml.index(runs));
    return index;
  }
}
