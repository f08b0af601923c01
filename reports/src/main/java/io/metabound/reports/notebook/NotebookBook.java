package io.metabound.reports.notebook;

import io.metabound.reports.io.AtomicFiles;
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
    Notebook notebook = Notebook.read(notebookFile);
    ExecutedNotebook run = runner.run(notebook, outDir.resolve(notebook.name()));
    AtomicFiles.writeString(NotebookHtml.pageFile(outDir, run), NotebookHtml.page(run, notebook.name()));
    return run;
  }

  /** Runs every notebook in {@code folder}, writes the pages and the index. */
  public List<ExecutedNotebook> renderAll(Path folder, Path outDir) throws IOException {
    List<ExecutedNotebook> runs = new ArrayList<>();
    for (Path file : notebooks(folder)) {
      runs.add(render(file, outDir));
    }
    AtomicFiles.writeString(outDir.resolve("index.html"), NotebookHtml.index(runs));
    return runs;
  }
}
