package io.metabound.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.metabound.reports.notebook.ExecutedNotebook;
import io.metabound.reports.notebook.NotebookBook;
import io.metabound.reports.notebook.NotebookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every numbered notebook of this module headless and renders it to {@code
 * target/notebooks/}. A rejected snippet or an exception in any cell fails the build with the
 * notebook, cell and message.
 */
class NotebooksIT {

  private static final Path FOLDER = Path.of(".");
  private static final Path OUT = Path.of("target", "notebooks");

  @TestFactory
  Stream<DynamicTest> everyNotebookRuns() throws Exception {
    List<Path> notebooks = NotebookBook.notebooks(FOLDER);
    assertFalse(notebooks.isEmpty(), "no notebooks found in " + FOLDER.toAbsolutePath());
    NotebookBook book = new NotebookBook(NotebookRunner.withCurrentClassPath());
    return notebooks.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      ExecutedNotebook run = book.render(file, OUT);
                      if (!run.succeeded()) {
                        fail("notebook " + run.failure());
                      }
                      Path page = OUT.resolve(run.notebook().name() + ".html");
                      assertTrue(Files.size(page) > 0, page + " is empty");
                    }));
  }
}
