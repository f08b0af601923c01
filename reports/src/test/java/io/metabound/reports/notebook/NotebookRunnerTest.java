package io.metabound.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {

  private static final String NOTEBOOK =
      """
      // A tiny notebook.
      // %% Arithmetic
      // Adds two numbers.
      int a = 2;
      int b = 3;
      System.out.println("sum=" + (a + b));
      // %% A method and a file
      double square(double x) {
        return x * x;
      }
      System.out.println("square=" + square(1.5));
      java.nio.file.Files.writeString(OUT.resolve("plot.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      """;

  @Test
  void parsesCellsWithNarrative() {
    Notebook nb = Notebook.parse("tiny", NOTEBOOK);
    assertEquals("A tiny notebook.", nb.header());
    assertEquals(2, nb.cells().size());
    assertEquals("Arithmetic", nb.cells().get(0).title());
    assertEquals("Adds two numbers.", nb.cells().get(0).narrative());
    assertTrue(nb.cells().get(1).code().startsWith("double square"));
  }

  @Test
  void runsCellsCapturingOutputAndImages(@TempDir Path dir) throws Exception {
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("tiny", NOTEBOOK), dir);
    assertNull(run.failure());
    assertEquals("sum=5\n", run.cells().get(0).output());
    assertEquals("square=2.25\n", run.cells().get(1).output());
    assertEquals(java.util.List.of("plot.svg"), run.cells().get(1).images());
    String html = NotebookHtml.page(run, "tiny");
    assertTrue(html.contains("sum=5"));
    assertTrue(html.contains("src=\"tiny/plot.svg\""));
  }

  @Test
  void rejectedSnippetNamesNotebookAndCell(@TempDir Path dir) throws Exception {
    String bad = "// %% First\nint x = 1;\n// %% Second\nint y = undefinedName + 1;\n";
    ExecutedNotebook run = NotebookRunner.withCurrentClassPath().run(Notebook.parse("bad", bad), dir);
    assertNotNull(run.failure());
    assertTrue(run.failure().startsWith("bad, cell 2 (Second): rejected"), run.failure());
  }

  @Test
  void exceptionInCellIsReported(@TempDir Path dir) throws Exception {
    String bad = "// %% Throws\nif (true) throw new IllegalStateException(\"boom\");\n";
    ExecutedNotebook run = NotebookRunner.withCurrentClassPath().run(Notebook.parse("ex", bad), dir);
    assertNotNull(run.failure());
    assertTrue(run.failure().contains("IllegalStateException"), run.failure());
    assertTrue(run.failure().contains("boom"), run.failure());
  }

  @Test
  void projectClassesAreVisible(@TempDir Path dir) throws Exception {
    String nb = "// %% Uses the CLI\nSystem.out.println(io.metabound.reports.cli.MetaBoundCommand.BAD_INPUT);\n";
    ExecutedNotebook run = NotebookRunner.withCurrentClassPath().run(Notebook.parse("cp", nb), dir);
    assertNull(run.failure());
    assertEquals("2\n", run.cells().get(0).output());
    assertTrue(Files.isDirectory(dir));
  }
}
