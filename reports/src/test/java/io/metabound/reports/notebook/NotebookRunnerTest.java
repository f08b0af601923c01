package io.metabound.reports.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's behaviour on small notebooks; the CLI's end-to-end paths are in {@code
 * NotebookCommandIT}.
 */
class NotebookRunnerTest {

  private static final String NOTEBOOK =
      """
// A tiny notebook.
// %% Arithmetic
// Adds two numbers.
int a = 2;
String label = "sum";
int b() {
  return helper() + 1;
}
int helper() {
  return 2;
}
System.out.println(label + "=" + (a + b()));
// %% Imports keep earlier values
// Imports after variables (with comments before them) must not reset the variables.
java.util.List<String> none = java.util.List.of();
// a comment right before an import
import java.util.*;

// and a blank line
import java.nio.file.*;
System.out.println(label + " " + OUT.getFileName() + " ∇");
// %% A method and two files
double square(double x) {
  return x * x;
}
System.out.println("square=" + square(1.5));
java.nio.file.Files.writeString(OUT.resolve("plot.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
java.nio.file.Files.writeString(OUT.resolve("data.csv"), "x,y\\n1,2\\n");
""";

  @Test
  void parsesCellsWithNarrativeAndLines() {
    Notebook nb = Notebook.parse("tiny", NOTEBOOK);
    assertEquals("A tiny notebook.", nb.header());
    assertEquals(3, nb.cells().size());
    Notebook.Cell first = nb.cells().get(0);
    assertEquals("Arithmetic", first.title());
    assertEquals("Adds two numbers.", first.narrative());
    // "int a = 2;" is line 4 of the file, the println line 12
    assertEquals(4, first.codeLine());
    assertEquals(12, first.lineOf(first.code().indexOf("System.out")));
    assertTrue(nb.cells().get(2).code().startsWith("double square"));
    assertEquals(NotebookHtml.title(Notebook.parse("x", "// 07 — A title\n// more\n")), "A title");
  }

  @Test
  void runsCellsCapturingOutputImagesAndFiles(@TempDir Path dir) throws Exception {
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("tiny", NOTEBOOK), dir);
    assertNull(run.failure());
    assertEquals("sum=5\n", run.cells().get(0).output());
    assertEquals("sum " + dir.getFileName() + " ∇\n", run.cells().get(1).output());
    ExecutedNotebook.ExecutedCell third = run.cells().get(2);
    assertEquals("square=2.25\n", third.output());
    assertEquals(List.of("plot.svg"), third.images());
    assertEquals(List.of("data.csv"), third.files());
    String html = NotebookHtml.page(run, "tiny", false);
    assertTrue(html.contains("sum=5"));
    assertTrue(html.contains("<h1>A tiny notebook.</h1>"), html);
    // a cell's heading is its title as written, with no second number in front of the notebook's own
    assertTrue(html.contains("<h2>Arithmetic</h2>"), html);
    assertFalse(html.matches("(?s).*<h2>\\d+\\. .*"), "numbered headings: " + html);
    assertTrue(html.contains("<img alt=\"plot.svg\" src=\"tiny/plot.svg\">"), html);
    assertTrue(html.contains("<a href=\"tiny/data.csv\">data.csv</a>"), html);

    // a second run into the same folder rewrites the files: they are attached again
    ExecutedNotebook again =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("tiny", NOTEBOOK), dir);
    assertEquals(List.of("plot.svg"), again.cells().get(2).images());
    assertEquals(List.of("data.csv"), again.cells().get(2).files());
  }

  @Test
  void rejectedSnippetNamesNotebookCellAndLine(@TempDir Path dir) throws Exception {
    String bad =
        "// %% First\nint x = 1;\n// %% Second\n// narrative\nint y = undefinedName + 1;\n";
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("bad", bad), dir);
    assertNotNull(run.failure());
    assertTrue(
        run.failure()
            .startsWith("bad, cell 2 (Second), line 5: rejected: int y = undefinedName + 1;"),
        run.failure());
    assertTrue(run.failure().contains("undefinedName"), run.failure());
    assertEquals(2, run.cells().size());
    assertNotNull(run.cells().get(1).error());
  }

  @Test
  void exceptionInCellIsReportedAndStopsTheNotebook(@TempDir Path dir) throws Exception {
    String bad =
        "// %% Throws\nint k = 0;\nif (k == 0) throw new IllegalStateException(\"boom\");\n"
            + "// %% Never runs\nSystem.out.println(\"unreachable\");\n";
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("ex", bad), dir);
    assertEquals(
        "ex, cell 1 (Throws), line 3: exception java.lang.IllegalStateException: boom in: if (k =="
            + " 0) throw new IllegalStateException(\"boom\");",
        run.failure());
    assertEquals(1, run.cells().size());
  }

  @Test
  void declarationLeftUnresolvedAtTheEndOfItsCellFails(@TempDir Path dir) throws Exception {
    String bad = "// %% Forward reference\ndouble twice(double x) {\n  return 2 * helper(x);\n}\n";
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("fw", bad), dir);
    assertNotNull(run.failure());
    assertTrue(
        run.failure().startsWith("fw, cell 1 (Forward reference), line 2: unresolved reference"),
        run.failure());
    assertTrue(run.failure().contains("helper"), run.failure());
  }

  @Test
  void snippetThatResetsAVariableFails(@TempDir Path dir) throws Exception {
    String bad =
        "// %% Types\nrecord R(int a) {}\nR r = new R(1);\n"
            + "// %% Redefinition\nrecord R(int a) {\n  int b() { return a; }\n}\n";
    ExecutedNotebook run =
        NotebookRunner.withCurrentClassPath().run(Notebook.parse("rs", bad), dir);
    assertNotNull(run.failure());
    assertTrue(
        run.failure().startsWith("rs, cell 2 (Redefinition), line 5: record R"), run.failure());
    assertTrue(run.failure().contains("variable(s) r,"), run.failure());
  }

  @Test
  void cellOverTheTimeLimitIsStopped(@TempDir Path dir) throws Exception {
    String slow = "// %% Forever\nlong spins = 0;\nwhile (spins >= 0) { spins++; }\n";
    ExecutedNotebook run =
        new NotebookRunner(System.getProperty("java.class.path"), java.time.Duration.ofSeconds(1))
            .run(Notebook.parse("slow", slow), dir);
    assertNotNull(run.failure());
    assertTrue(
        run.failure()
            .startsWith(
                "slow, cell 1 (Forever), stopped: the cell ran longer than the time"
                    + " limit of 1 s"),
        run.failure());
  }
}
